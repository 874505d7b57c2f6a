"""Registering twice with one address for one slot takes one place: the first registration, its link mailed again."""

import pytest

from workflows.registry import submission_for_token
from workflows.services.places import registration_cancel
from workflows.tokens import token_matches

from ..testapp.models import WorkshopRegistration
from .conftest import mails_to

pytestmark = pytest.mark.django_db


def test_the_same_address_gets_its_registration_back_and_takes_no_second_place(workshop, register):
    first = register(workshop, applicant_email="kim@seoul.example")

    again = register(workshop, applicant_email="  KIM@Seoul.example ", applicant_name="Kim again")

    assert (again.created, again.token, again.registration.pk) == (False, None, first.registration.pk)
    assert WorkshopRegistration.objects.count() == 1
    assert WorkshopRegistration.objects.get().applicant_name == first.registration.applicant_name


def test_registering_again_mails_a_new_link_and_the_old_one_keeps_working(workshop, register):
    first = register(workshop, applicant_email="kim@seoul.example")

    register(workshop, applicant_email="kim@seoul.example")

    assert mails_to(first.registration) == ["registration_confirmed", "applicant_status_link"]
    stored = WorkshopRegistration.objects.get()
    assert token_matches(first.token, stored.status_token_hash)
    assert stored.pending_token_hash
    assert submission_for_token(first.token) == stored


def test_a_waiting_registrant_registering_again_keeps_their_turn(make_workshop, register):
    workshop = make_workshop(places=1)
    register(workshop)
    waiting = register(workshop, applicant_email="lee@busan.example").registration
    register(workshop)

    again = register(workshop, applicant_email="lee@busan.example")

    assert again.registration.pk == waiting.pk and again.registration.state == "waiting"


def test_the_same_address_is_answered_even_when_the_workshop_is_full_without_a_waiting_list(make_workshop, register):
    workshop = make_workshop(places=1, waiting_list_enabled=False)
    first = register(workshop, applicant_email="kim@seoul.example")

    again = register(workshop, applicant_email="kim@seoul.example")

    assert again.registration.pk == first.registration.pk


def test_after_cancelling_the_address_may_register_again(workshop, register):
    first = register(workshop, applicant_email="kim@seoul.example")
    registration_cancel(registration=first.registration, applicant_token=first.token)

    again = register(workshop, applicant_email="kim@seoul.example")

    assert again.created and again.registration.pk != first.registration.pk
    assert again.registration.state == "confirmed"


def test_one_address_may_register_for_two_workshops(make_workshop, register):
    morning, afternoon = make_workshop(), make_workshop()

    results = [register(slot, applicant_email="kim@seoul.example") for slot in (morning, afternoon)]

    assert all(result.created for result in results)
