"""Loading the demo queues none of Wagtail's reference-index tasks: it indexes what it made itself, and those tasks,
run later by the worker, failed on a page's inline rows the load had already replaced (a newcomer's first
`make run` printed a dozen tracebacks)."""

import io
from unittest import mock

import pytest
from django.core.management import call_command
from wagtail.models import ReferenceIndex

from cluster_pages.models import CaseStudyPage


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.mark.django_db
def test_the_demo_load_queues_no_reference_index_task_and_indexes_its_pages_itself():
    with mock.patch("wagtail.signal_handlers.update_reference_index_task") as task:
        call_command("load_initial_data", "--with-demo-accounts", stdout=io.StringIO())
    assert task.enqueue.call_count == 0
    case_study = CaseStudyPage.objects.filter(locale__language_code="en", cluster__isnull=False).first()
    assert ReferenceIndex.get_references_to(case_study.cluster).filter(object_id=str(case_study.pk)).exists()
