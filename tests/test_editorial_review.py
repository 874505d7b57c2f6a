"""What communications staff submit outside the case studies goes to "Editorial review", approved by the Editors
group, which has members: the button no longer names Wagtail's empty "Moderators" group."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow

from tests.factories import StandardPageFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_default_review_is_named_for_the_editors_who_approve_it():
    workflow = Workflow.objects.get(name="Editorial review")

    [task] = [task.specific for task in workflow.tasks.all()]

    assert task.name == "Editors' approval"
    assert set(task.groups.values_list("name", flat=True)) == {"Editors"}
    assert not Workflow.objects.filter(name="Moderators approval").exists()


def test_communications_submit_to_the_editorial_review(client, communications, site_tree):
    UserFactory(username="an-editor", groups=["Editors"])  # someone to approve it
    page = StandardPageFactory(parent=site_tree.home, title="About the initiative")
    client.force_login(communications)

    html = client.get(reverse("wagtailadmin_pages:edit", args=(page.pk,))).content.decode()

    assert "Submit to Editorial review" in html
    assert "Moderators" not in html
