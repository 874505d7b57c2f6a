"""Row actions: the buttons shown are the user's available transitions; POSTs go through the engine."""

import re

import pytest
from django.contrib.messages import get_messages
from django_fsm import get_available_user_FIELD_transitions  # noqa: F401 - the rule the buttons follow

from workflows.models import ApplicationState, TransitionLog

from .conftest import reload

S = ApplicationState


def buttons_in(html, reference_row_pk):
    return set(re.findall(rf"/transition/{reference_row_pk}/([a-z_]+)/", html))


def allowed(application, user):
    return {t.name for t in application.get_available_user_state_transitions(user)}


@pytest.mark.parametrize("role", ["reviewer", "coordinator", "leader", "other_leader"])
@pytest.mark.parametrize("state", [S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE, S.REJECTED])
def test_buttons_shown_equal_the_transitions_the_user_may_perform(
    client, users, make_city_application, city_urls, clusters, role, state
):
    assigned = clusters.mobility if state in (S.ASSIGNED, S.ACTIVE) else None
    if role == "other_leader":
        assigned = clusters.water if assigned else None
    application = make_city_application(state, assigned_to=assigned)
    user = users[role]
    client.force_login(user)
    response = client.get(city_urls.index())
    html = response.content.decode()
    expected = allowed(application, user) if application in response.context["object_list"] else set()
    assert buttons_in(html, application.pk) == expected
    inspect = client.get(city_urls.inspect(application))
    if inspect.status_code == 200:
        assert buttons_in(inspect.content.decode(), application.pk) == expected


def test_reviewer_marks_an_application_reviewed_with_one_click(client, reviewer, make_city_application, city_urls):
    application = make_city_application()
    client.force_login(reviewer)
    response = client.post(city_urls.transition(application, "review"), {"state": "submitted"})
    assert response.status_code == 302
    assert reload(application).state == S.REVIEWED
    assert TransitionLog.objects.filter(object_id=application.pk, transition="review").exists()


def test_transition_needing_input_opens_a_form_first(client, reviewer, make_city_application, city_urls):
    application = make_city_application()
    client.force_login(reviewer)
    form = client.get(city_urls.transition(application, "request_changes"), {"state": "submitted"})
    assert form.status_code == 200
    assert 'name="message"' in form.content.decode()
    empty = client.post(city_urls.transition(application, "request_changes"), {"state": "submitted"})
    assert empty.status_code == 400
    assert "Tell the applicant what to change." in empty.content.decode(), "the transition's own reason"
    assert reload(application).state == S.SUBMITTED
    done = client.post(
        city_urls.transition(application, "request_changes"), {"state": "submitted", "message": "Add a budget."}
    )
    assert done.status_code == 302
    assert reload(application).state == S.CHANGES_REQUESTED


def test_assign_form_offers_only_clusters_that_accept_applications(
    client, coordinator, make_city_application, city_urls, clusters, site_tree
):
    from cluster_pages.models import ClusterStatus
    from tests.factories import ThematicClusterPageFactory

    archived = ThematicClusterPageFactory(parent=site_tree.clusters, title="Heritage", status=ClusterStatus.ARCHIVED)
    application = make_city_application(S.REVIEWED)
    client.force_login(coordinator)
    choices = dict(client.get(city_urls.transition(application, "assign")).context["form"].fields["target"].choices)
    assert clusters.mobility.pk in choices and clusters.water.pk in choices
    assert archived.pk not in choices
    client.post(city_urls.transition(application, "assign"), {"state": "reviewed", "target": clusters.water.pk})
    assert reload(application).assigned_to_id == clusters.water.pk


def test_a_transition_not_shown_is_refused_and_changes_nothing(client, reviewer, make_city_application, city_urls):
    application = make_city_application(S.REVIEWED)
    client.force_login(reviewer)
    response = client.post(city_urls.transition(application, "assign"), {"state": "reviewed", "target": "1"})
    assert response.status_code == 302
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("Your role does not allow “Assign”" in m for m in messages)
    fresh = reload(application)
    assert (fresh.state, fresh.assigned_to_id) == (S.REVIEWED, None)
    assert not TransitionLog.objects.filter(object_id=application.pk).exists()


def test_a_concurrent_change_is_reported_as_a_conflict(
    client, reviewer, coordinator, make_city_application, city_urls, move
):
    application = make_city_application()
    client.force_login(reviewer)
    move(application, "review", coordinator)  # someone else, after the reviewer loaded the page
    response = client.post(
        city_urls.transition(application, "reject"), {"state": "submitted", "note": "Out of scope."}, follow=True
    )
    assert response.status_code == 200
    assert "Someone else changed this application a moment ago" in response.content.decode()
    assert reload(application).state == S.REVIEWED


def test_a_leader_of_another_cluster_gets_404_on_transition_urls(
    client, other_leader, make_city_application, city_urls
):
    application = make_city_application(S.ASSIGNED)
    client.force_login(other_leader)
    assert client.post(city_urls.transition(application, "activate"), {"state": "assigned"}).status_code == 404
    assert reload(application).state == S.ASSIGNED


def test_the_cluster_leader_activates_an_application_assigned_to_their_cluster(
    client, leader, make_city_application, city_urls
):
    application = make_city_application(S.ASSIGNED)
    client.force_login(leader)
    client.post(city_urls.transition(application, "activate"), {"state": "assigned"})
    assert reload(application).state == S.ACTIVE


def test_editor_cannot_reach_transition_urls(client, editor, make_city_application, city_urls):
    application = make_city_application()
    client.force_login(editor)
    response = client.post(city_urls.transition(application, "review"), {"state": "submitted"})
    # Wagtail answers a PermissionDenied in the admin by sending the user to the dashboard with a message.
    assert (response.status_code, response.get("Location")) in ((302, "/admin/"), (403, None))
    assert reload(application).state == S.SUBMITTED


def test_coordinator_accepts_a_theme_suggestion(client, coordinator, make_theme_suggestion, theme_urls):
    suggestion = make_theme_suggestion()
    client.force_login(coordinator)
    client.post(theme_urls.transition(suggestion, "decline"), {"state": "submitted", "note": "Not now."})
    assert reload(suggestion).state == "declined"
