"""`manage.py generate_applications`: made-up applications for measuring, of every kind and state, with logs."""

import io

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command
from django.db.models import Q
from django.test import override_settings

from cluster_pages.models import CityApplication, CompanyRegistration, ThemeSuggestion
from tests.factories import ThematicClusterPageFactory
from tests.workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from workflows.models import Application, TransitionLog

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(site_tree):
    return ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility")


def generate(*args):
    call_command("generate_applications", *args, stdout=io.StringIO())


def submission_of(submission) -> Q:
    """The log rows of ``submission``: its kind's and its id (kinds number their rows separately)."""
    return Q(content_type=ContentType.objects.get_for_model(submission), object_id=submission.pk)


@override_settings(DEBUG=True)
def test_it_adds_submissions_of_every_kind_with_references_and_a_log_row_for_each_step(cluster):
    generate("--count", "200")
    assert (CityApplication.objects.count(), CompanyRegistration.objects.count(), ThemeSuggestion.objects.count()) == (
        140,
        50,
        10,
    )
    assert len(set(Application.objects.values_list("state", flat=True))) >= 6
    assert not Application.objects.filter(reference__isnull=True).exists()
    active = CityApplication.objects.filter(state="active").first()
    log = list(TransitionLog.objects.filter(submission_of(active)).values_list("transition", flat=True))
    assert log == ["submit", "review", "assign", "activate"]
    assert active.assigned_to_id == cluster.pk
    assert active.clusters.filter(pk=cluster.pk).exists()


@override_settings(DEBUG=True)
def test_reset_deletes_only_generated_submissions(make_city_application):  # noqa: F811 - the fixture
    real = make_city_application()
    generate("--count", "40")
    generate("--count", "20", "--reset")
    assert CityApplication.objects.exclude(pk=real.pk).count() == 14
    assert CityApplication.objects.filter(pk=real.pk).exists()


@override_settings(DEBUG=False)
def test_it_refuses_to_run_with_debug_off_unless_forced(cluster):
    with pytest.raises(CommandError, match="--force"):
        generate("--count", "20")
    generate("--count", "20", "--force")
    assert CityApplication.objects.count() == 14
