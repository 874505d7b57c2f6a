"""Random sequences of registrations, cancellations, attendance, promotions and added places: the states always
match a first-come-first-served model, no slot holds more people than places, nobody waits beside a free place,
and every registration's log replays to its state."""

from types import SimpleNamespace

import pytest
from django.db import transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from workflows.exceptions import TransitionNotAllowed
from workflows.models import TransitionLog
from workflows.selectors.places import places_taken
from workflows.selectors.records import records_filter
from workflows.services import perform_transition
from workflows.services.places import registration_cancel, registration_waiting_list_fill

from ..testapp.models import Workshop, WorkshopRegistration

pytestmark = pytest.mark.django_db

HOLDING = {"confirmed", "attended"}


class PlacesMachine(RuleBasedStateMachine):
    """One workshop; ``expected`` is the model: each registration's state, in the order people registered."""

    world: SimpleNamespace  # set by the test: make_workshop, register, organiser

    def __init__(self):
        super().__init__()
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        self.workshop = self.world.make_workshop(places=2)
        self.places = 2
        self.results = []
        self.expected: list[str] = []

    def teardown(self):
        transaction.set_rollback(True)
        self._atomic.__exit__(None, None, None)

    def promote_first_waiting_into_free_places(self):
        for index, state in enumerate(self.expected):
            if state == "waiting" and sum(s in HOLDING for s in self.expected) < self.places:
                self.expected[index] = "confirmed"

    def pick(self, data, states):
        candidates = [index for index, state in enumerate(self.expected) if state in states]
        return data.draw(st.sampled_from(candidates)) if candidates else None

    @rule()
    def someone_registers(self):
        result = self.world.register(self.workshop)
        self.results.append(result)
        self.expected.append("confirmed" if sum(s in HOLDING for s in self.expected) < self.places else "waiting")

    @precondition(lambda self: self.results)
    @rule(data=st.data(), by_staff=st.booleans())
    def someone_cancels(self, data, by_staff):
        index = self.pick(data, {"confirmed", "waiting"})
        if index is None:
            return
        result = self.results[index]
        # As the person sees it now (they may have been promoted since they registered).
        registration = WorkshopRegistration.objects.get(pk=result.registration.pk)
        if by_staff:
            registration_cancel(registration=registration, user=self.world.organiser)
        else:
            registration_cancel(registration=registration, applicant_token=result.token)
        self.expected[index] = "cancelled"
        self.promote_first_waiting_into_free_places()

    @precondition(lambda self: self.results)
    @rule(data=st.data())
    def staff_mark_someone_attended(self, data):
        index = self.pick(data, {"confirmed"})
        if index is None:
            return
        registration = WorkshopRegistration.objects.get(pk=self.results[index].registration.pk)
        perform_transition(application=registration, name="mark_attended", user=self.world.organiser)
        self.expected[index] = "attended"

    @precondition(lambda self: self.results)
    @rule(data=st.data())
    def staff_try_to_confirm_someone_waiting(self, data):
        """Nobody waits beside a free place, so this is always refused."""
        index = self.pick(data, {"waiting"})
        if index is None:
            return
        registration = WorkshopRegistration.objects.get(pk=self.results[index].registration.pk)
        with pytest.raises(TransitionNotAllowed):
            perform_transition(application=registration, name="promote", user=self.world.organiser)

    @rule()
    def staff_add_a_place(self):
        self.places += 1
        Workshop.objects.filter(pk=self.workshop.pk).update(places=self.places)
        registration_waiting_list_fill(slot=self.workshop)
        self.promote_first_waiting_into_free_places()

    @invariant()
    def the_states_are_the_models(self):
        stored = dict(WorkshopRegistration.objects.filter(slot=self.workshop).values_list("pk", "state"))
        assert [stored[result.registration.pk] for result in self.results] == self.expected

    @invariant()
    def no_more_people_than_places_and_nobody_waits_beside_a_free_place(self):
        taken = places_taken(slot=self.workshop)
        assert taken <= self.places
        assert taken == self.places or "waiting" not in self.expected

    @invariant()
    def every_registrations_log_replays_to_its_state(self):
        for result in self.results:
            state = ""
            for row in TransitionLog.objects.filter(**records_filter(result.registration)).order_by("pk"):
                assert row.from_state == state
                state = row.to_state
            assert state == WorkshopRegistration.objects.get(pk=result.registration.pk).state


def test_random_registrations_and_cancellations_keep_places_and_the_waiting_list_right(
    make_workshop, register, organiser
):
    PlacesMachine.world = SimpleNamespace(make_workshop=make_workshop, register=register, organiser=organiser)
    run_state_machine_as_test(
        PlacesMachine,
        settings=settings(
            max_examples=25,
            stateful_step_count=15,
            deadline=None,
            database=None,
            suppress_health_check=[HealthCheck.too_slow],
        ),
    )
