"""The registration's machine: who may cancel, promote and mark attendance, and from which states."""

import pytest
from django.contrib.auth.models import AnonymousUser

from workflows.exceptions import TransitionNotAllowed, TransitionNotPermitted
from workflows.models import RegistrationState
from workflows.services import available_transitions, perform_transition
from workflows.services.places import registration_cancel
from workflows.specs import transition_specs
from workflows.tokens import token_generate

from ..factories import UserFactory
from ..testapp.models import WorkshopRegistration
from .conftest import state_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirmed_and_waiting(make_workshop, register):
    workshop = make_workshop(places=1)
    return register(workshop), register(workshop)


def test_the_machine_has_four_states_and_three_transitions_each_with_its_label():
    assert [choice.value for choice in RegistrationState] == ["confirmed", "waiting", "cancelled", "attended"]
    labels = {name: str(spec.label) for name, spec in transition_specs(WorkshopRegistration).items()}
    assert labels == {
        "cancel": "Cancel registration",
        "mark_attended": "Mark attended",
        "promote": "Confirm from the waiting list",
    }


def test_the_registrant_may_cancel_with_their_link_and_nothing_else(confirmed_and_waiting):
    confirmed, _waiting = confirmed_and_waiting

    assert available_transitions(application=confirmed.registration, applicant_token=confirmed.token) == ["cancel"]


def test_another_registrants_link_cannot_cancel(confirmed_and_waiting):
    confirmed, waiting = confirmed_and_waiting

    with pytest.raises(TransitionNotPermitted):
        registration_cancel(registration=confirmed.registration, applicant_token=waiting.token)
    with pytest.raises(TransitionNotPermitted):
        registration_cancel(registration=confirmed.registration, applicant_token=token_generate())

    assert state_of(confirmed.registration) == "confirmed"


@pytest.mark.parametrize("who", ["anonymous visitor", "staff without the kind's change permission"])
def test_only_the_registrant_and_staff_who_manage_registrations_may_cancel(confirmed_and_waiting, who):
    confirmed, _waiting = confirmed_and_waiting
    user = AnonymousUser() if who == "anonymous visitor" else UserFactory(username="editor", groups=["Editors"])

    with pytest.raises(TransitionNotPermitted):
        registration_cancel(registration=confirmed.registration, user=user)

    assert state_of(confirmed.registration) == "confirmed"


def test_organisers_may_mark_a_confirmed_registrant_attended(confirmed_and_waiting, organiser):
    confirmed, _waiting = confirmed_and_waiting

    attended = perform_transition(application=confirmed.registration, name="mark_attended", user=organiser)

    assert attended.state == "attended"
    assert attended.holds_a_place


def test_a_waiting_registrant_cannot_be_marked_attended(confirmed_and_waiting, organiser):
    _confirmed, waiting = confirmed_and_waiting

    with pytest.raises(TransitionNotAllowed):
        perform_transition(application=waiting.registration, name="mark_attended", user=organiser)


def test_the_registrant_cannot_mark_themselves_attended_nor_promote_themselves(confirmed_and_waiting):
    confirmed, waiting = confirmed_and_waiting

    with pytest.raises(TransitionNotPermitted):
        perform_transition(application=confirmed.registration, name="mark_attended", applicant_token=confirmed.token)
    with pytest.raises((TransitionNotPermitted, TransitionNotAllowed)):
        perform_transition(application=waiting.registration, name="promote", applicant_token=waiting.token)

    assert [state_of(confirmed.registration), state_of(waiting.registration)] == ["confirmed", "waiting"]


def test_organisers_cannot_confirm_someone_waiting_while_every_place_is_taken(confirmed_and_waiting, organiser):
    _confirmed, waiting = confirmed_and_waiting

    assert "promote" not in available_transitions(application=waiting.registration, user=organiser)
    with pytest.raises(TransitionNotAllowed):
        perform_transition(application=waiting.registration, name="promote", user=organiser)

    assert state_of(waiting.registration) == "waiting"


def test_organisers_may_confirm_someone_waiting_once_the_workshop_has_more_places(confirmed_and_waiting, organiser):
    confirmed, waiting = confirmed_and_waiting
    workshop = confirmed.registration.slot
    type(workshop).objects.filter(pk=workshop.pk).update(places=2)

    promoted = perform_transition(application=waiting.registration, name="promote", user=organiser)

    assert promoted.state == "confirmed"


def test_an_attended_registration_cannot_be_cancelled_and_frees_no_place(confirmed_and_waiting, organiser):
    confirmed, waiting = confirmed_and_waiting
    perform_transition(application=confirmed.registration, name="mark_attended", user=organiser)
    attended = type(confirmed.registration).objects.get(pk=confirmed.registration.pk)

    with pytest.raises(TransitionNotAllowed):
        registration_cancel(registration=attended, applicant_token=confirmed.token)

    assert state_of(waiting.registration) == "waiting"
