"""Theme suggestions: Coordinators accept (a draft "forming" cluster page appears) or decline; nobody else can."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import ClusterStatus, ThematicClusterPage, ThemeSuggestion
from cluster_pages.services import theme_suggestion_decide
from workflows.exceptions import TransitionNotAllowed, TransitionNotPermitted
from workflows.models import TransitionLog
from workflows.services import perform_transition

from ..site_forms.support import theme_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def suggestion(client, forms):
    client.post("/en/join/suggest-a-theme/", theme_data())
    return ThemeSuggestion.objects.get()


def logs_of(suggestion):
    content_type = ContentType.objects.get_for_model(ThemeSuggestion)
    return list(TransitionLog.objects.filter(content_type=content_type, object_id=suggestion.pk))


def test_accepting_creates_a_draft_forming_cluster_page_named_after_the_theme(suggestion, coordinator, site_tree):
    accepted = theme_suggestion_decide(suggestion=suggestion, user=coordinator, accept=True, note="Good idea")

    assert accepted.state == "accepted"
    page = accepted.cluster_page
    assert page.title == "Urban Heat Resilience"
    assert page.slug == "urban-heat-resilience"
    assert page.status == ClusterStatus.FORMING
    assert not page.live, "a draft for editors to finish"
    assert page.get_parent().specific == site_tree.clusters
    assert page.summary.startswith("Heatwaves hit every member city")
    assert [(log.transition, log.actor_user, log.note) for log in logs_of(accepted)][-1] == (
        "accept",
        coordinator,
        "Good idea",
    )


def test_the_generic_transition_service_creates_the_page_too(suggestion, coordinator):
    accepted = perform_transition(application=suggestion, name="accept", user=coordinator)

    assert ThematicClusterPage.objects.filter(pk=accepted.cluster_page_id, live=False).exists()


def test_a_second_suggestion_of_the_same_theme_gets_a_free_slug(client, forms, coordinator):
    client.post("/en/join/suggest-a-theme/", theme_data())
    client.post("/en/join/suggest-a-theme/", theme_data(applicant_email="other@university.example"))
    first, second = ThemeSuggestion.objects.order_by("pk")

    theme_suggestion_decide(suggestion=first, user=coordinator, accept=True)
    accepted = theme_suggestion_decide(suggestion=second, user=coordinator, accept=True)

    assert accepted.cluster_page.slug == "urban-heat-resilience-2"


def test_declining_creates_no_page_and_tells_the_visitor_on_the_status_page(suggestion, coordinator):
    declined = theme_suggestion_decide(
        suggestion=suggestion, user=coordinator, accept=False, note="Covered elsewhere", message="See Smart Mobility."
    )

    assert declined.state == "declined"
    assert declined.cluster_page is None
    assert not ThematicClusterPage.objects.filter(title="Urban Heat Resilience").exists()


@pytest.mark.parametrize("username", ["reviewer", "editor", "cluster_leader"])
def test_only_coordinators_decide_and_a_refusal_changes_nothing(suggestion, request, username):
    user = request.getfixturevalue(username)

    with pytest.raises(TransitionNotPermitted):
        theme_suggestion_decide(suggestion=suggestion, user=user, accept=True)

    suggestion = ThemeSuggestion.objects.get()
    assert suggestion.state == "submitted"
    assert not ThematicClusterPage.objects.filter(title="Urban Heat Resilience").exists()
    assert len(logs_of(suggestion)) == 1


def test_a_decided_suggestion_cannot_be_decided_again(suggestion, coordinator):
    theme_suggestion_decide(suggestion=suggestion, user=coordinator, accept=False)

    with pytest.raises(TransitionNotAllowed):
        theme_suggestion_decide(suggestion=ThemeSuggestion.objects.get(), user=coordinator, accept=True)


def test_the_visitor_sees_the_decision_in_their_own_words(client, forms, coordinator):
    import re

    response = client.post("/en/join/suggest-a-theme/", theme_data())
    path = re.search(r"http://testserver(/en/applications/status/[\w-]+/)", response.content.decode()).group(1)
    theme_suggestion_decide(
        suggestion=ThemeSuggestion.objects.get(),
        user=coordinator,
        accept=False,
        note="INTERNAL reason",
        message="Drone deliveries belong to Smart Mobility.",
    )

    html = client.get(path).content.decode()
    assert "Theme suggestion" in html
    assert "Not taken up" in html
    assert "Drone deliveries belong to Smart Mobility." in html
    assert "INTERNAL" not in html
    assert "Withdraw your application" not in html, "suggestions have no applicant actions"
