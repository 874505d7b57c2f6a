"""Two people taking a session's last place at the same moment, on PostgreSQL: one is confirmed, the other waits;
a cancellation while two others wait promotes exactly one."""

from cluster_pages.models import EventRegistration
from tests.concurrency import POSTGRES_RACE, run_at_once
from workflows.selectors.places import places_taken
from workflows.services.places import registration_cancel, registration_create

from .conftest import make_session, person

pytestmark = POSTGRES_RACE
ROUNDS = 5


def fields(**extra) -> dict:
    return {**person(**extra), "consent_privacy": True}


def registering(session):
    return lambda: registration_create(slot=session, fields=fields())


def test_the_last_place_taken_twice_at_once_confirms_one_and_the_other_waits(summit):
    for round_number in range(ROUNDS):
        session = make_session(summit.page, title=f"Race {round_number}", places=2)
        registration_create(slot=session, fields=fields())

        outcomes = run_at_once(registering(session), registering(session))

        assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
        states = sorted(EventRegistration.objects.get(pk=outcome.registration.pk).state for outcome in outcomes)
        assert states == ["confirmed", "waiting"], f"round {round_number}"
        assert places_taken(slot=session) == 2


def test_two_cancellations_at_once_promote_two_different_people(summit):
    for round_number in range(ROUNDS):
        session = make_session(summit.page, title=f"Cancel race {round_number}", places=2)
        holders = [registration_create(slot=session, fields=fields()) for _number in range(2)]
        waiting = [registration_create(slot=session, fields=fields()).registration for _number in range(2)]

        outcomes = run_at_once(
            *(
                lambda held=held: registration_cancel(registration=held.registration, applicant_token=held.token)
                for held in holders
            )
        )

        assert not [outcome for outcome in outcomes if isinstance(outcome, Exception)], outcomes
        assert [EventRegistration.objects.get(pk=row.pk).state for row in waiting] == ["confirmed", "confirmed"]
        assert places_taken(slot=session) == 2
