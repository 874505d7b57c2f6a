"""Registering for a slot: confirmed while places are left, on the waiting list after, refused when it cannot be."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from workflows.exceptions import MissingTransitionInput, RegistrationClosed, SlotFull, SlotInThePast
from workflows.models import Notification, TransitionLog
from workflows.selectors.places import with_places_left
from workflows.selectors.records import records_filter
from workflows.services.places import registration_create

from ..testapp.models import Workshop, WorkshopRegistration
from .conftest import mails_to, person

pytestmark = pytest.mark.django_db


def test_registrations_are_confirmed_while_places_are_left_then_wait(workshop, register):
    first, second, third = (register(workshop).registration for _ in range(3))

    assert [first.state, second.state, third.state] == ["confirmed", "confirmed", "waiting"]


def test_each_registrant_gets_the_mail_for_their_state_with_their_status_link(workshop, register):
    confirmed, waiting = register(workshop), (register(workshop), register(workshop))[1]

    assert mails_to(confirmed.registration) == ["registration_confirmed"]
    assert mails_to(waiting.registration) == ["registration_waiting"]
    mail = Notification.objects.get(**records_filter(waiting.registration))
    assert mail.context["status_url"].endswith(f"/status/{waiting.token}/")
    assert waiting.registration.reference.startswith("WR-")


def test_the_mail_names_the_workshop_and_is_in_the_registrants_language(workshop):
    with translation.override("ko"):
        result = registration_create(slot=workshop, fields=person())

    mail = Notification.objects.get(**records_filter(result.registration))
    assert result.registration.language == "ko"
    assert mail.context["language"] == "ko"
    assert "Smart mobility workshop" in mail.context["kind"]
    assert mail.context["state_label"] == "자리 확정"


def test_the_first_log_row_records_the_state_the_registration_started_in(workshop, register):
    register(workshop)
    register(workshop)

    (entry,) = TransitionLog.objects.filter(**records_filter(register(workshop).registration))

    assert (entry.transition, entry.from_state, entry.to_state, entry.by_applicant) == ("submit", "", "waiting", True)


def test_a_full_workshop_without_a_waiting_list_refuses_and_stores_nothing(make_workshop, register):
    workshop = make_workshop(places=1, waiting_list_enabled=False)
    register(workshop)

    with pytest.raises(SlotFull) as refused:
        register(workshop)

    assert str(refused.value.message) == "This session is full and has no waiting list."
    assert WorkshopRegistration.objects.count() == 1


def test_registration_after_the_closing_time_is_refused(make_workshop, register):
    workshop = make_workshop(closes_in=datetime.timedelta(minutes=-1))

    with pytest.raises(RegistrationClosed) as refused:
        register(workshop)

    assert str(refused.value.message) == "Registration for this session has closed."
    assert not WorkshopRegistration.objects.exists()


def test_a_workshop_that_has_started_refuses_registrations(make_workshop, register):
    workshop = make_workshop(starts_in=datetime.timedelta(minutes=-5))

    with pytest.raises(SlotInThePast):
        register(workshop)

    assert not WorkshopRegistration.objects.exists()


def test_refusals_are_translated_for_the_registrant(make_workshop, register):
    workshop = make_workshop(starts_in=datetime.timedelta(minutes=-5))

    with pytest.raises(SlotInThePast) as refused:
        register(workshop)

    with translation.override("ko"):
        assert str(refused.value.message) == "이미 지난 세션입니다."


@pytest.mark.parametrize(
    ("fields", "wrong"),
    [
        ({"applicant_email": "not an address"}, "applicant_email"),
        ({"applicant_name": ""}, "applicant_name"),
        ({"organisation": "x" * 300}, "organisation"),
    ],
)
def test_bad_input_is_refused_field_by_field_and_nothing_is_stored(workshop, fields, wrong):
    with pytest.raises(MissingTransitionInput) as refused:
        registration_create(slot=workshop, fields=person(**fields))

    assert wrong in refused.value.field_errors
    assert not WorkshopRegistration.objects.exists()
    assert not Notification.objects.exists()


def test_the_listing_counts_places_left_and_people_waiting_in_one_query(
    make_workshop, register, django_assert_num_queries
):
    small, large = make_workshop(places=1), make_workshop(places=5)
    for _ in range(3):
        register(small)
    register(large)

    with django_assert_num_queries(1):
        counted = {slot.pk: slot for slot in with_places_left(Workshop.objects.all())}

    assert (counted[small.pk].places_left, counted[small.pk].waiting_count) == (0, 2)
    assert (counted[large.pk].places_left, counted[large.pk].places_taken) == (4, 1)


def test_a_slot_cannot_close_registration_after_it_starts(make_workshop):
    workshop = make_workshop()
    workshop.registration_closes_at = workshop.starts_at + datetime.timedelta(minutes=1)

    with pytest.raises(ValidationError) as invalid:
        workshop.full_clean()

    assert invalid.value.message_dict["registration_closes_at"] == [
        "Registration must close before the session starts, or at its start."
    ]
