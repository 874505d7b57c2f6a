"""A coordinator drafts a case study from an active city's project: pre-filled, in moderation, not live."""

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from cluster_pages.case_study_drafts import CaseStudyDraftRefused, case_study_draft_from_application
from cluster_pages.models import CaseStudyPage
from cluster_pages.models.case_studies import ProjectStatus

from .conftest import city_application

pytestmark = pytest.mark.django_db
LONG_DESCRIPTION = (
    "Seoul opened its traffic data to everyone. "
    + "Sensors on every corner report the traffic in real time to a public platform. " * 12
)


@pytest.fixture
def active_application(clusters, activate):
    return activate(
        city_application(
            city="Seoul",
            country="KR",
            project_title="Mobility data hub",
            project_description=LONG_DESCRIPTION,
            project_status="implemented",
        ),
        clusters.mobility,
    )


def test_the_draft_is_prefilled_from_the_project(site_tree, clusters, active_application, coordinator):
    page = case_study_draft_from_application(application=active_application, user=coordinator)

    page = CaseStudyPage.objects.get(pk=page.pk)
    assert page.get_parent().pk == site_tree.case_studies.pk
    assert (page.title, page.city, page.country.code) == ("Mobility data hub", "Seoul", "KR")
    assert page.cluster == clusters.mobility
    assert page.project_status == ProjectStatus.COMPLETED
    assert page.year == timezone.localdate().year
    assert page.summary.startswith("Seoul opened its traffic data to everyone. Sensors")
    assert len(page.summary) <= 600 and page.summary.endswith(".")
    assert "Sensors on every corner" in page.solution
    assert "Seoul (South Korea)" in page.challenge and "Smart Mobility" in page.challenge
    assert "Partners sought: Cities with similar projects." in page.challenge
    assert page.source_application_id == active_application.pk
    assert page.owner == coordinator


def test_a_project_not_yet_implemented_is_an_ongoing_case_study(clusters, activate, coordinator):
    application = activate(city_application(city="Lima", project_status="launched"), clusters.mobility)

    page = case_study_draft_from_application(application=application, user=coordinator)

    assert page.project_status == ProjectStatus.ONGOING


def test_the_draft_is_in_moderation_and_not_live(client, active_application, coordinator):
    page = case_study_draft_from_application(application=active_application, user=coordinator)

    page = Page.objects.get(pk=page.pk).specific
    assert not page.live
    assert page.get_latest_revision().user == coordinator
    workflow_state = page.current_workflow_state
    assert workflow_state is not None and workflow_state.workflow.name == "Case study review"
    assert workflow_state.requested_by == coordinator
    assert client.get(f"/en/case-studies/{page.slug}/").status_code == 404


def test_it_goes_live_when_an_editor_approves_it(client, active_application, coordinator, editor):
    page = case_study_draft_from_application(application=active_application, user=coordinator)
    page = Page.objects.get(pk=page.pk)
    client.force_login(editor)
    task_state = page.current_workflow_task_state

    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)), {"comment": ""}
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    response = client.get(page.url)
    assert response.status_code == 200
    assert b"Mobility data hub" in response.content
    assert b"CA-2026" not in response.content  # the link to the application is for staff only


def test_a_second_draft_for_the_same_application_is_refused_and_points_to_the_first(active_application, coordinator):
    first = case_study_draft_from_application(application=active_application, user=coordinator)

    with pytest.raises(CaseStudyDraftRefused) as refusal:
        case_study_draft_from_application(application=active_application, user=coordinator)

    assert refusal.value.existing.pk == first.pk
    assert "already drafted" in refusal.value.message
    assert CaseStudyPage.objects.filter(source_application=active_application).count() == 1


def test_only_an_active_city_application_can_be_drafted(clusters, run, coordinator):
    application = run(application=city_application(city="Lima"), name="review", user=coordinator)

    with pytest.raises(CaseStudyDraftRefused, match="Only an active"):
        case_study_draft_from_application(application=application, user=coordinator)
    assert not CaseStudyPage.objects.exists()


@pytest.mark.parametrize("role", ["reviewer", "editor", "mobility_leader"])
def test_people_without_the_coordinators_permission_may_not_draft(request, active_application, role):
    user = request.getfixturevalue(role)

    with pytest.raises(CaseStudyDraftRefused):
        case_study_draft_from_application(application=active_application, user=user)
    assert not CaseStudyPage.objects.exists()


def test_the_admin_view_confirms_then_drafts_on_post(client, active_application, coordinator):
    url = reverse("cluster_pages_case_study_draft", args=[active_application.pk])
    client.force_login(coordinator)

    confirm = client.get(url)
    assert confirm.status_code == 200
    assert b"Draft the case study" in confirm.content
    assert not CaseStudyPage.objects.exists()

    response = client.post(url)
    assert CaseStudyPage.objects.filter(source_application=active_application).count() == 1
    assert response.status_code == 302
    assert response["Location"] == reverse("city_applications:inspect", args=[active_application.pk])

    again = client.post(url, follow=True)
    assert CaseStudyPage.objects.count() == 1
    assert "already drafted" in " ".join(str(message) for message in again.context["messages"])


def test_the_admin_view_requires_csrf(active_application, coordinator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(coordinator)

    response = client.post(reverse("cluster_pages_case_study_draft", args=[active_application.pk]))

    assert response.status_code == 403
    assert not CaseStudyPage.objects.exists()


def test_the_admin_view_is_not_found_for_someone_without_the_permission(client, active_application, reviewer):
    client.force_login(reviewer)
    url = reverse("cluster_pages_case_study_draft", args=[active_application.pk])

    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    assert not CaseStudyPage.objects.exists()


def test_the_inspect_view_hook_offers_the_button_to_coordinators_only(rf, active_application, coordinator, reviewer):
    from wagtail import hooks

    def buttons(user):
        """The case-study draft's buttons (other hooks add their own, e.g. the directory listing)."""
        request = rf.get("/admin/")
        request.user = user
        draft = reverse("cluster_pages_case_study_draft", args=[active_application.pk])
        return [
            button
            for hook in hooks.get_hooks("workflow_forms_inspect_buttons")
            for button in hook(active_application, request)
            if button["url"].startswith((draft, "/admin/pages/"))
        ]

    [button] = buttons(coordinator)
    assert button["label"] == "Draft a case study"
    assert button["url"].startswith(reverse("cluster_pages_case_study_draft", args=[active_application.pk]))
    assert buttons(reviewer) == []

    case_study_draft_from_application(application=active_application, user=coordinator)
    [button] = buttons(coordinator)
    assert button["label"] == "Case study drafted"  # a coordinator may not edit pages: no editor link
