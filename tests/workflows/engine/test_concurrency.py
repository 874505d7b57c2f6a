"""Two people acting on the same application at the same moment: exactly one wins, the other is told."""

from tests.concurrency import POSTGRES_RACE, run_at_once
from workflows.exceptions import TransitionConflict
from workflows.models import Application, ApplicationState, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import perform_transition

S = ApplicationState
ROUNDS = 50

pytestmark = POSTGRES_RACE

# Pairs of transitions two people might start from the same page at once: (name, actor role, inputs).
CONFLICTS = [
    (("review", "reviewer", {}), ("reject", "coordinator", {"note": "Out of scope."})),
    (("review", "reviewer", {}), ("review", "coordinator", {})),
    (("request_changes", "reviewer", {"message": "Add a budget."}), ("withdraw", "applicant", {"confirm": True})),
]


def race(first, second):
    """Both at the same moment: "won", "conflict", or the unexpected exception, for each."""
    return [
        "conflict" if isinstance(outcome, TransitionConflict) else outcome if isinstance(outcome, Exception) else "won"
        for outcome in run_at_once(first, second)
    ]


def test_of_two_conflicting_transitions_at_the_same_moment_exactly_one_wins_fifty_times_over(make_application, actors):
    for round_number in range(ROUNDS):
        applied = make_application(S.SUBMITTED)
        calls = []
        for name, role, inputs in CONFLICTS[round_number % len(CONFLICTS)]:
            # Each person loaded the page (their own copy, in "submitted") before either clicked.
            copy = Application.objects.get(pk=applied.application.pk)
            actor = actors[role](applied)
            calls.append(
                lambda copy=copy, name=name, actor=actor, inputs=inputs: perform_transition(
                    application=copy, name=name, **actor, **inputs
                )
            )

        outcomes = race(*calls)

        assert sorted(map(str, outcomes)) == ["conflict", "won"], f"round {round_number}: {outcomes}"
        winner = CONFLICTS[round_number % len(CONFLICTS)][outcomes.index("won")][0]
        stored = Application.objects.get(pk=applied.application.pk)
        (entry,) = TransitionLog.objects.filter(**records_filter(stored))
        assert entry.transition == winner and entry.to_state == stored.state
