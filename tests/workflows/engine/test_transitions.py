"""Every transition of the table, for every role allowed to perform it."""

import pytest

from workflows.models import Application, ApplicationState, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import available_transitions, perform_transition

S = ApplicationState

# (transition, from states, to state, roles): the table, restated as the specification.
TABLE = [
    ("review", [S.SUBMITTED], S.REVIEWED, ["reviewer", "coordinator"]),
    ("request_changes", [S.SUBMITTED, S.REVIEWED], S.CHANGES_REQUESTED, ["reviewer", "coordinator"]),
    ("resubmit", [S.CHANGES_REQUESTED], S.SUBMITTED, ["applicant"]),
    ("assign", [S.REVIEWED], S.ASSIGNED, ["coordinator"]),
    ("activate", [S.ASSIGNED], S.ACTIVE, ["coordinator", "leader of the cluster"]),
    ("reject", [S.SUBMITTED, S.REVIEWED, S.ASSIGNED], S.REJECTED, ["reviewer", "coordinator"]),
    (
        "withdraw",
        [S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.CHANGES_REQUESTED],
        S.WITHDRAWN,
        ["applicant"],
    ),
    ("end", [S.ACTIVE], S.ENDED, ["coordinator", "leader of the cluster"]),
    ("reopen", [S.REJECTED, S.WITHDRAWN], S.SUBMITTED, ["coordinator"]),
]


@pytest.mark.parametrize("name", [row[0] for row in TABLE])
def test_each_allowed_role_can_perform_the_transition_from_each_source_state_and_it_is_logged(
    name, make_application, actors, valid_inputs, subtests
):
    _name, sources, target, roles = next(row for row in TABLE if row[0] == name)
    inputs = valid_inputs[name]
    for source in sources:
        for role in roles:
            with subtests.test(msg=f"{role} can {name} from {source}"):
                applied = make_application(source)

                result = perform_transition(
                    application=applied.application, name=name, **actors[role](applied), **inputs
                )

                stored = applied.reload()
                assert result.state == stored.state == target
                assert stored.state_changed_at is not None
                (entry,) = TransitionLog.objects.filter(**records_filter(stored))
                assert (entry.transition, entry.from_state, entry.to_state) == (name, source, target)
                assert entry.by_applicant is (role == "applicant")
                assert entry.note == inputs.get("note", "")
                assert entry.message == inputs.get("message", "")


def test_assign_places_the_application_in_the_chosen_cluster(make_application, coordinator, clusters):
    applied = make_application(S.REVIEWED)

    perform_transition(application=applied.application, name="assign", user=coordinator, target=clusters.water)

    assert applied.reload().assigned_to_id == clusters.water.pk


def test_assign_accepts_the_target_page_by_id(make_application, coordinator, clusters):
    applied = make_application(S.REVIEWED)

    perform_transition(application=applied.application, name="assign", user=coordinator, target=str(clusters.water.pk))

    assert applied.reload().assigned_to_id == clusters.water.pk


def test_resubmit_applies_the_edited_answers_and_core_fields(make_application):
    applied = make_application(S.CHANGES_REQUESTED)
    answers = {"budget": {"label": "Budget", "value": "3 million EUR"}}

    perform_transition(
        application=applied.application,
        name="resubmit",
        applicant_token=applied.token,
        answers=answers,
        fields={"applicant_name": "Kim Min-jun (Seoul Metropolitan Government)"},
    )

    stored = applied.reload()
    assert stored.state == S.SUBMITTED
    assert stored.answers == answers
    assert stored.applicant_name == "Kim Min-jun (Seoul Metropolitan Government)"


def test_the_returned_application_is_the_saved_specific_instance(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    result = perform_transition(application=applied.application, name="review", user=reviewer)

    assert type(result) is type(applied.application.specific)
    assert result.pk == applied.application.pk
    # The caller can go on with the returned instance: it holds the new state.
    perform_transition(application=result, name="request_changes", user=reviewer, message="More detail, please.")
    assert applied.reload().state == S.CHANGES_REQUESTED


@pytest.mark.parametrize(
    ("state", "role", "expected"),
    [
        (S.SUBMITTED, "reviewer", ["reject", "request_changes", "review"]),
        (S.REVIEWED, "coordinator", ["assign", "reject", "request_changes"]),
        (S.ASSIGNED, "leader of the cluster", ["activate"]),
        (S.ASSIGNED, "leader of another cluster", []),
        (S.ACTIVE, "coordinator", ["end"]),
        (S.REJECTED, "coordinator", ["reopen"]),
        (S.REJECTED, "reviewer", []),
        (S.CHANGES_REQUESTED, "applicant", ["resubmit", "withdraw"]),
        (S.SUBMITTED, "applicant", ["withdraw"]),
        (S.SUBMITTED, "wrong token", []),
        (S.SUBMITTED, "editor", []),
        (S.SUBMITTED, "anonymous visitor", []),
        (S.ENDED, "coordinator", []),
    ],
    ids=lambda value: str(value),
)
def test_available_transitions_lists_what_this_actor_may_do_now(state, role, expected, make_application, actors):
    applied = make_application(state)

    assert available_transitions(application=applied.application, **actors[role](applied)) == expected


def test_a_submission_without_a_reference_still_has_a_text_name():
    """Its name is a plain string even before a reference is given (str() must never get a lazy string)."""
    assert str(Application()) == "(unsaved submission)"
