"""``seen_state``: the state the user saw when they chose the action. ``perform_transition`` compares it with
the locked row, so a change made since the page was drawn is a conflict, even when the instance passed in
was loaded after that change."""

import pytest

from workflows.exceptions import TransitionConflict
from workflows.models import ApplicationState, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import perform_transition

S = ApplicationState


def test_a_change_since_the_state_the_user_saw_is_a_conflict_and_changes_nothing(make_application, reviewer):
    applied = make_application(S.REVIEWED)  # fresh from the database: the state someone else just set

    with pytest.raises(TransitionConflict):
        perform_transition(application=applied.application, name="review", user=reviewer, seen_state=S.SUBMITTED)

    assert applied.reload().state == S.REVIEWED
    assert not TransitionLog.objects.filter(**records_filter(applied.application)).exists()


def test_the_state_the_user_saw_still_current_lets_the_transition_run(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    moved = perform_transition(application=applied.application, name="review", user=reviewer, seen_state=S.SUBMITTED)

    assert moved.state == applied.reload().state == S.REVIEWED
