"""Cancelling frees the place: the first person waiting is confirmed at once and mailed; nobody else moves."""

import datetime

import pytest
from django.core import mail

from workflows.exceptions import TransitionNotAllowed
from workflows.models import Notification, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import perform_transition
from workflows.services.places import registration_cancel, registration_create

from .conftest import mails_to, person, state_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def full_workshop(make_workshop, register):
    """One place, taken, and three people waiting in the order they registered (RegistrationResults)."""
    workshop = make_workshop(places=1)
    holder = register(workshop)
    waiting = [register(workshop) for _ in range(3)]
    return workshop, holder, waiting


def states(results) -> list[str]:
    return [state_of(result.registration) for result in results]


def test_cancelling_a_confirmed_place_confirms_exactly_the_first_person_waiting(full_workshop):
    _workshop, holder, waiting = full_workshop

    registration_cancel(registration=holder.registration, applicant_token=holder.token)

    assert state_of(holder.registration) == "cancelled"
    assert states(waiting) == ["confirmed", "waiting", "waiting"]


def test_the_person_promoted_is_mailed_and_the_waiting_list_is_logged_as_the_actor(full_workshop):
    _workshop, holder, waiting = full_workshop

    registration_cancel(registration=holder.registration, applicant_token=holder.token)

    assert mails_to(waiting[0].registration) == ["registration_waiting", "registration_promoted"]
    assert mails_to(waiting[1].registration) == ["registration_waiting"]
    entry = TransitionLog.objects.filter(**records_filter(waiting[0].registration)).latest("pk")
    assert (entry.transition, entry.actor_label, entry.actor_user, entry.by_applicant) == (
        "promote",
        "waiting list",
        None,
        False,
    )


def test_cancelling_a_place_in_the_queue_promotes_nobody(full_workshop):
    _workshop, holder, waiting = full_workshop

    registration_cancel(registration=waiting[0].registration, applicant_token=waiting[0].token)

    assert state_of(holder.registration) == "confirmed"
    assert states(waiting) == ["cancelled", "waiting", "waiting"]


def test_two_cancellations_one_after_the_other_promote_the_first_two_waiting(make_workshop, register):
    workshop = make_workshop(places=2)
    holders = [register(workshop), register(workshop)]
    waiting = [register(workshop) for _ in range(3)]

    for holder in holders:
        registration_cancel(registration=holder.registration, applicant_token=holder.token)

    assert states(waiting) == ["confirmed", "confirmed", "waiting"]


def test_staff_cancelling_through_the_transition_service_promote_too(full_workshop, organiser):
    _workshop, holder, waiting = full_workshop

    perform_transition(application=holder.registration, name="cancel", user=organiser, note="Asked by phone.")

    assert states(waiting) == ["confirmed", "waiting", "waiting"]


def test_nobody_is_promoted_once_the_workshop_has_started(full_workshop, organiser):
    workshop, holder, waiting = full_workshop
    type(workshop).objects.filter(pk=workshop.pk).update(starts_at=workshop.starts_at - datetime.timedelta(days=8))

    registration_cancel(registration=holder.registration, user=organiser)

    assert states(waiting) == ["waiting", "waiting", "waiting"]


def test_a_cancelled_registration_cannot_be_cancelled_again(full_workshop):
    _workshop, holder, _waiting = full_workshop
    registration_cancel(registration=holder.registration, applicant_token=holder.token)

    cancelled = type(holder.registration).objects.get(pk=holder.registration.pk)

    with pytest.raises(TransitionNotAllowed):
        registration_cancel(registration=cancelled, applicant_token=holder.token)


def test_mail_queued_before_a_cancellation_is_not_sent_after_it(full_workshop, organiser):
    _workshop, holder, _waiting = full_workshop
    # The confirmation, still pending: the test runs inside one transaction, so nothing was sent yet.
    earlier = Notification.objects.get(**records_filter(holder.registration))

    registration_cancel(registration=holder.registration, user=organiser, message="The room is smaller.")

    earlier.refresh_from_db()
    assert earlier.state == "failed" and "cancelled" in earlier.last_error
    assert mails_to(holder.registration) == ["registration_cancelled"]


def test_the_canceller_is_told_once_and_the_person_promoted_is_told_at_once(
    make_workshop, django_capture_on_commit_callbacks
):
    workshop = make_workshop(places=1)
    with django_capture_on_commit_callbacks(execute=True):
        holder = registration_create(slot=workshop, fields=person(applicant_email="kim@seoul.example"))
        waiting = registration_create(slot=workshop, fields=person(applicant_email="lee@busan.example"))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        registration_cancel(registration=holder.registration, applicant_token=holder.token)

    assert sorted((message.to[0], message.subject) for message in mail.outbox) == [
        ("kim@seoul.example", f"Your registration {holder.registration.reference} is cancelled"),
        (
            "lee@busan.example",
            f"A place is free: your registration {waiting.registration.reference} is confirmed",
        ),
    ]
