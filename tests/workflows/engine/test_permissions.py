"""Every forbidden transition is refused with its own error, and a refusal changes nothing."""

import pytest

from workflows.exceptions import TransitionNotAllowed, TransitionNotPermitted, UnknownTransition
from workflows.models import ApplicationState
from workflows.services import perform_transition

from .conftest import footprint
from .test_transitions import TABLE

S = ApplicationState
ROLES = [
    "reviewer",
    "coordinator",
    "leader of the cluster",
    "leader of another cluster",
    "editor",
    "anonymous visitor",
    "nobody",
    "applicant",
    "wrong token",
]


@pytest.mark.parametrize("name", [row[0] for row in TABLE])
def test_a_transition_from_a_state_outside_its_sources_is_not_allowed_and_changes_nothing(
    name, make_application, actors, valid_inputs, subtests
):
    _name, sources, _target, roles = next(row for row in TABLE if row[0] == name)
    for state in S:
        if state in sources:
            continue
        with subtests.test(msg=f"{name} from {state}"):
            applied = make_application(state)
            before = footprint(applied.application)

            with pytest.raises(TransitionNotAllowed):
                perform_transition(
                    application=applied.application, name=name, **actors[roles[0]](applied), **valid_inputs[name]
                )

            assert footprint(applied.application) == before


@pytest.mark.parametrize("role", ROLES)
def test_a_role_outside_the_table_is_not_permitted_and_changes_nothing(
    role, make_application, actors, valid_inputs, subtests
):
    for name, sources, _target, roles in TABLE:
        if role in roles:
            continue
        for state in sources:
            with subtests.test(msg=f"{role} cannot {name} from {state}"):
                applied = make_application(state)
                before = footprint(applied.application)

                with pytest.raises(TransitionNotPermitted):
                    perform_transition(
                        application=applied.application, name=name, **actors[role](applied), **valid_inputs[name]
                    )

                assert footprint(applied.application) == before


def test_a_token_of_another_application_does_not_open_this_one(make_application, valid_inputs):
    mine = make_application(S.SUBMITTED, email="mayor@seoul.example")
    theirs = make_application(S.SUBMITTED, email="mayor@lisbon.example")
    before = footprint(theirs.application)

    with pytest.raises(TransitionNotPermitted):
        perform_transition(application=theirs.application, name="withdraw", applicant_token=mine.token, confirm=True)

    assert footprint(theirs.application) == before


def test_an_inactive_coordinator_is_not_permitted(make_application, coordinator):
    coordinator.is_active = False
    coordinator.save()
    applied = make_application(S.REVIEWED)
    before = footprint(applied.application)

    with pytest.raises(TransitionNotPermitted):
        perform_transition(application=applied.application, name="reject", user=coordinator, note="Out of scope.")

    assert footprint(applied.application) == before


def test_a_cluster_leader_loses_their_say_once_the_application_moves_to_another_cluster(
    make_application, leader, clusters
):
    applied = make_application(S.ASSIGNED, assigned_to=clusters.water)
    before = footprint(applied.application)

    with pytest.raises(TransitionNotPermitted):
        perform_transition(application=applied.application, name="activate", user=leader)

    assert footprint(applied.application) == before


@pytest.mark.parametrize("name", ["approve", "delete", "save", "__init__", ""])
def test_an_unknown_transition_name_is_refused_and_changes_nothing(name, make_application, coordinator):
    applied = make_application(S.SUBMITTED)
    before = footprint(applied.application)

    with pytest.raises(UnknownTransition):
        perform_transition(application=applied.application, name=name, user=coordinator)

    assert footprint(applied.application) == before
