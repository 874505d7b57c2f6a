"""People taking and giving back places at the same moment, on PostgreSQL: the slot's lock serves them in turn.

Each round starts the calls together from a barrier, each on its own connection, each committing for real.
"""

import datetime

from tests.concurrency import POSTGRES_RACE, run_at_once
from workflows.exceptions import SlotFull, TransitionConflict
from workflows.selectors.places import places_taken
from workflows.services.places import registration_cancel, registration_create, registration_reminders_send

from ..testapp.models import WorkshopRegistration
from .conftest import mails_to, person

ROUNDS = 10

pytestmark = POSTGRES_RACE


def registering(workshop, **fields):
    return lambda: registration_create(slot=workshop, fields=person(**fields))


def cancelling(result):
    return lambda: registration_cancel(registration=result.registration, applicant_token=result.token)


def states_of(results) -> list[str]:
    return [WorkshopRegistration.objects.get(pk=result.registration.pk).state for result in results]


def failures(outcomes) -> list[Exception]:
    return [outcome for outcome in outcomes if isinstance(outcome, Exception)]


def test_two_people_taking_the_last_place_at_once_one_is_confirmed_and_the_other_waits(make_workshop, register):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=2)
        register(workshop)

        outcomes = run_at_once(registering(workshop), registering(workshop))

        assert not failures(outcomes), f"round {round_number}: {outcomes}"
        assert sorted(states_of(outcomes)) == ["confirmed", "waiting"], f"round {round_number}"
        assert places_taken(slot=workshop) == 2


def test_without_a_waiting_list_the_second_person_for_the_last_place_is_refused(make_workshop):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=1, waiting_list_enabled=False)

        outcomes = run_at_once(registering(workshop), registering(workshop))

        refused = failures(outcomes)
        assert len(refused) == 1 and isinstance(refused[0], SlotFull), f"round {round_number}: {outcomes}"
        assert WorkshopRegistration.objects.filter(slot=workshop).count() == 1


def test_the_same_address_twice_at_once_takes_one_place(make_workshop):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=5)
        address = f"kim{round_number}@seoul.example"

        outcomes = run_at_once(
            registering(workshop, applicant_email=address), registering(workshop, applicant_email=address)
        )

        assert not failures(outcomes), f"round {round_number}: {outcomes}"
        assert sorted(outcome.created for outcome in outcomes) == [False, True]
        assert WorkshopRegistration.objects.filter(slot=workshop).count() == 1


def test_registering_an_address_again_while_it_is_being_cancelled_never_deadlocks(make_workshop, register):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=5)
        address = f"lee{round_number}@seoul.example"
        held = register(workshop, applicant_email=address)

        outcomes = run_at_once(registering(workshop, applicant_email=address), cancelling(held))

        assert not failures(outcomes), f"round {round_number}: {outcomes}"
        assert WorkshopRegistration.objects.get(pk=held.registration.pk).state == "cancelled"


def test_two_cancellations_at_once_promote_the_first_two_people_waiting(make_workshop, register):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=2)
        holders = [register(workshop), register(workshop)]
        waiting = [register(workshop) for _ in range(3)]

        outcomes = run_at_once(*(cancelling(holder) for holder in holders))

        assert not failures(outcomes), f"round {round_number}: {outcomes}"
        assert states_of(holders) == ["cancelled", "cancelled"]
        assert states_of(waiting) == ["confirmed", "confirmed", "waiting"], f"round {round_number}"


def test_a_cancellation_beside_the_first_waiting_persons_own_never_overbooks_nor_deadlocks(make_workshop, register):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=1)
        holder = register(workshop)
        waiting = [register(workshop) for _ in range(2)]

        outcomes = run_at_once(cancelling(holder), cancelling(waiting[0]))

        # The first person waiting may have been promoted a moment before their own cancellation ran: it then
        # meets a registration that changed under it and is told so (the person reloads and cancels again).
        unexpected = [error for error in failures(outcomes) if not isinstance(error, TransitionConflict)]
        assert not unexpected, f"round {round_number}: {outcomes}"
        assert places_taken(slot=workshop) == 1, f"round {round_number}: {states_of([holder, *waiting])}"
        assert states_of([holder])[0] == "cancelled"


def test_a_newcomer_registering_while_a_place_frees_up_does_not_pass_the_person_waiting(make_workshop, register):
    for round_number in range(ROUNDS):
        workshop = make_workshop(places=1)
        holder = register(workshop)
        waiting = register(workshop)

        outcomes = run_at_once(cancelling(holder), registering(workshop))

        assert not failures(outcomes), f"round {round_number}: {outcomes}"
        assert states_of([waiting, outcomes[1]]) == ["confirmed", "waiting"], f"round {round_number}"


def test_two_reminder_runs_at_once_remind_each_person_once(make_workshop, register):
    workshop = make_workshop(places=5, starts_in=datetime.timedelta(hours=20))
    people = [register(workshop) for _ in range(4)]

    outcomes = run_at_once(*(lambda: registration_reminders_send(before=datetime.timedelta(days=2)),) * 2)

    assert sum(outcomes) == 4, outcomes
    assert [mails_to(person.registration).count("registration_reminder") for person in people] == [1, 1, 1, 1]
