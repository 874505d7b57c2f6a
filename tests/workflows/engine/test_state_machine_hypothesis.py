"""Random sequences of transitions by random actors: the outcome of every attempt is the one the table
predicts, the application never leaves the table's states, every change is logged, and replaying the log
ends at the current state."""

from types import SimpleNamespace

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test

from workflows.exceptions import (
    MissingTransitionInput,
    TransitionConflict,
    TransitionNotAllowed,
    TransitionNotPermitted,
)
from workflows.models import Application, ApplicationState, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import perform_transition, submission_record

from .conftest import footprint
from .test_transitions import TABLE

S = ApplicationState
SOURCES = {name: set(sources) for name, sources, _target, _roles in TABLE}
TARGETS = {name: target for name, _sources, target, _roles in TABLE}
# The table's "leader of the cluster" is played here by two leaders: only the one of the assigned cluster may act.
ROLES = {name: set(roles) - {"leader of the cluster"} for name, _sources, _target, roles in TABLE}
LED_BY_ASSIGNED_LEADER = {"activate", "end"}
NEEDS_INPUT = {"request_changes", "resubmit", "assign", "reject", "withdraw", "end", "reopen"}
ACTORS = [
    "reviewer",
    "coordinator",
    "leader of Smart Mobility",
    "leader of Water",
    "editor",
    "anonymous visitor",
    "applicant",
    "wrong token",
]


class ApplicationMachine(RuleBasedStateMachine):
    """One application, and the copies of it that people hold in their browsers."""

    world: SimpleNamespace  # set by the test: users, clusters, make_application

    def __init__(self):
        super().__init__()
        # Each example runs in its own savepoint, rolled back in teardown().
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.applied = self.world.make_application(S.SUBMITTED)
        submission_record(submission=self.applied.application, token=self.applied.token)
        self.successes = 0
        self.old_copy = self.current()

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def current(self) -> Application:
        return Application.objects.get(pk=self.applied.application.pk)

    def actor(self, role: str) -> dict:
        w = self.world
        return {
            "reviewer": {"user": w.reviewer},
            "coordinator": {"user": w.coordinator},
            "leader of Smart Mobility": {"user": w.leader},
            "leader of Water": {"user": w.other_leader},
            "editor": {"user": w.editor},
            "anonymous visitor": {"user": w.anonymous},
            "applicant": {"applicant_token": self.applied.token},
            "wrong token": {"applicant_token": "not-the-token"},
        }[role]

    def inputs(self, name: str, target_name: str) -> dict:
        return {
            "request_changes": {"message": "Please add a budget."},
            "resubmit": {"answers": {"budget": {"label": "Budget", "value": "1 million EUR"}}},
            "assign": {"target": getattr(self.world.clusters, target_name)},
            "reject": {"note": "Out of scope.", "message": "Not this year."},
            "withdraw": {"confirm": True},
            "end": {"note": "Left the network."},
            "reopen": {"note": "New information."},
        }.get(name, {})

    def permitted(self, role: str, name: str, application: Application) -> bool:
        if role in ROLES[name]:
            return True
        if name in LED_BY_ASSIGNED_LEADER and role.startswith("leader of "):
            cluster = getattr(self.world.clusters, "mobility" if role.endswith("Mobility") else "water")
            return application.assigned_to_id == cluster.pk
        return False

    def expected_outcome(self, *, held, current, role, name, complete):
        if held.state != current.state:
            return TransitionConflict
        if role == "wrong token":
            return TransitionNotPermitted
        if current.state not in SOURCES[name]:
            return TransitionNotAllowed
        if not self.permitted(role, name, current):
            return TransitionNotPermitted
        if name in NEEDS_INPUT and not complete:
            return MissingTransitionInput
        return None

    def try_transition(self, *, role, name, complete, use_old_copy, target_name):
        current = self.current()
        held = self.old_copy if use_old_copy else current
        expected = self.expected_outcome(held=held, current=current, role=role, name=name, complete=complete)
        before = footprint(current)
        inputs = self.inputs(name, target_name) if complete else {}

        if expected is None:
            result = perform_transition(application=held, name=name, **self.actor(role), **inputs)
            self.successes += 1
            assert result.state == self.current().state == TARGETS[name]
        else:
            with pytest.raises(expected):
                perform_transition(application=held, name=name, **self.actor(role), **inputs)
            assert footprint(current) == before

    @rule(
        role=st.sampled_from(ACTORS),
        name=st.sampled_from(sorted(SOURCES)),
        complete=st.booleans(),
        use_old_copy=st.booleans(),
        target_name=st.sampled_from(["mobility", "water"]),
    )
    def anyone_tries_anything(self, role, name, complete, use_old_copy, target_name):
        self.try_transition(role=role, name=name, complete=complete, use_old_copy=use_old_copy, target_name=target_name)

    @rule(data=st.data(), target_name=st.sampled_from(["mobility", "water"]))
    def someone_in_a_role_of_the_table_moves_it_on(self, data, target_name):
        """Biased towards progress, so that long paths (assigned, active, ended) are explored too."""
        state = self.current().state
        names = sorted(n for n, sources in SOURCES.items() if state in sources)
        if not names:  # ended: nothing leads out of it
            return
        name = data.draw(st.sampled_from(names))
        roles = sorted(
            ROLES[name] | ({"leader of Smart Mobility", "leader of Water"} if name in LED_BY_ASSIGNED_LEADER else set())
        )
        role = data.draw(st.sampled_from(roles))
        self.try_transition(role=role, name=name, complete=True, use_old_copy=False, target_name=target_name)

    @rule()
    def reload_the_old_copy(self):
        self.old_copy = self.current()

    @invariant()
    def the_state_is_one_of_the_tables(self):
        assert self.current().state in S.values

    @invariant()
    def every_change_is_logged_once_and_the_log_replays_to_the_current_state(self):
        rows = list(
            TransitionLog.objects.filter(**records_filter(self.applied.application)).order_by("timestamp", "pk")
        )
        assert len(rows) == 1 + self.successes
        state = ""
        for row in rows:
            assert row.from_state == state
            state = row.to_state
        assert state == self.current().state


def test_random_transitions_by_random_actors_follow_the_table_and_keep_a_complete_log(
    make_application, clusters, reviewer, coordinator, leader, other_leader, editor
):
    from django.contrib.auth.models import AnonymousUser

    ApplicationMachine.world = SimpleNamespace(
        make_application=make_application,
        clusters=clusters,
        reviewer=reviewer,
        coordinator=coordinator,
        leader=leader,
        other_leader=other_leader,
        editor=editor,
        anonymous=AnonymousUser(),
    )
    run_state_machine_as_test(
        ApplicationMachine,
        settings=settings(
            max_examples=60,
            stateful_step_count=15,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
