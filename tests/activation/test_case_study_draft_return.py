"""Drafting a case study ends on the application's inspect page, and the page editor is offered only to
someone who may edit the draft (a coordinator usually may not)."""

import pytest
from django.urls import reverse

from cluster_pages.case_study_drafts import case_study_draft_from_application
from cluster_pages.models import CaseStudyPage
from tests.factories import UserFactory

from .conftest import city_application

pytestmark = pytest.mark.django_db
REFUSAL = "Sorry, you do not have permission to access this area"


@pytest.fixture
def active_application(clusters, activate):
    return activate(city_application(city="Seoul", project_title="Mobility data hub"), clusters.mobility)


@pytest.fixture
def editing_coordinator(db):
    """A coordinator who is also an editor: may draft and may edit the draft."""
    return UserFactory(username="editing-coordinator", groups=["Coordinators", "Editors"])


def inspect_url(application):
    return reverse("city_applications:inspect", args=[application.pk])


def draft_url(application):
    return reverse("cluster_pages_case_study_draft", args=[application.pk])


def editor_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_drafting_returns_to_the_inspect_page_with_the_success_message(client, active_application, coordinator):
    client.force_login(coordinator)

    response = client.post(draft_url(active_application), {"next": inspect_url(active_application)}, follow=True)

    page = CaseStudyPage.objects.get(source_application=active_application)
    assert response.redirect_chain == [(inspect_url(active_application), 302)]
    html = response.content.decode()
    assert "Draft case study “Mobility data hub” created" in html
    assert REFUSAL not in html
    assert editor_url(page) not in html


def test_the_success_message_offers_the_editor_to_a_coordinator_who_may_edit_the_draft(
    client, active_application, editing_coordinator
):
    client.force_login(editing_coordinator)

    response = client.post(draft_url(active_application), {"next": inspect_url(active_application)}, follow=True)

    page = CaseStudyPage.objects.get(source_application=active_application)
    assert response.redirect_chain == [(inspect_url(active_application), 302)]
    assert editor_url(page) in response.content.decode()
    assert client.get(editor_url(page)).status_code == 200


def test_a_second_draft_is_refused_on_the_inspect_page_not_in_the_editor(client, active_application, coordinator):
    case_study_draft_from_application(application=active_application, user=coordinator)
    client.force_login(coordinator)

    response = client.post(draft_url(active_application), {"next": inspect_url(active_application)}, follow=True)

    assert response.redirect_chain == [(inspect_url(active_application), 302)]
    html = response.content.decode()
    assert "already drafted" in html and REFUSAL not in html
    assert CaseStudyPage.objects.count() == 1


def test_the_inspect_page_does_not_send_a_coordinator_who_may_not_edit_into_the_editor(
    client, active_application, coordinator
):
    page = case_study_draft_from_application(application=active_application, user=coordinator)
    client.force_login(coordinator)

    html = client.get(inspect_url(active_application)).content.decode()

    assert editor_url(page) not in html
    assert "Open the case study draft" not in html
    assert "Case study drafted" in html
    about = client.get(draft_url(active_application))
    assert about.status_code == 200
    about_html = about.content.decode()
    assert "already drafted" in about_html and "Case study review" in about_html
    assert editor_url(page) not in about_html


def test_the_inspect_page_offers_the_draft_in_the_editor_to_someone_who_may_edit_it(
    client, active_application, coordinator, editing_coordinator
):
    page = case_study_draft_from_application(application=active_application, user=coordinator)
    client.force_login(editing_coordinator)

    html = client.get(inspect_url(active_application)).content.decode()

    assert "Open the case study draft" in html
    assert editor_url(page) in html
