""" "Awaiting your action" counts only rows this user can move forward: not ones they could only end, reject or
reopen."""

import pytest

from workflows.admin.actions import awaiting_action_q
from workflows.models import ApplicationState
from workflows.specs import TransitionSpec

S = ApplicationState


@pytest.fixture
def every_state(make_city_application):
    return {state: make_city_application(state, city=state.label) for state in S}


def awaiting(user, model):
    return set(model.objects.filter(awaiting_action_q(model=model, user=user)).values_list("state", flat=True))


def test_the_coordinator_awaits_only_rows_to_review_assign_or_activate(coordinator, every_state):
    model = type(every_state[S.SUBMITTED])
    assert awaiting(coordinator, model) == {S.SUBMITTED, S.REVIEWED, S.ASSIGNED}


def test_the_reviewer_awaits_only_rows_to_review_or_return_for_changes(reviewer, every_state):
    model = type(every_state[S.SUBMITTED])
    assert awaiting(reviewer, model) == {S.SUBMITTED, S.REVIEWED}


def test_the_dashboard_counts_the_same_rows(client, coordinator, every_state):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert 'data-awaiting-count="3"' in html.split('data-kind="City applications"')[1].split("data-kind=")[0]


def test_a_transition_moves_forward_unless_it_is_destructive_the_applicants_or_says_otherwise():
    assert TransitionSpec(label="Review").moves_forward
    assert not TransitionSpec(label="Reject", destructive=True).moves_forward
    assert not TransitionSpec(label="Withdraw", by_applicant=True).moves_forward
    assert not TransitionSpec(label="Reopen", forward=False).moves_forward
