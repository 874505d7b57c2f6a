"""Taking a place, giving it back and passing it on to the waiting list.

Every change to who holds a slot's places takes the slot's row lock (``SELECT ... FOR UPDATE``) before it
counts, so two people taking the last place at once are served one after the other: the first is confirmed,
the second waits (or is refused when the slot keeps no waiting list). Locks are always taken registration
first, then slot, then the waiting registration promoted; the waiting list is read with ``SKIP LOCKED`` so a
waiting registration someone is cancelling at that moment is passed over instead of waited for (which could
deadlock with that cancellation waiting for the slot).
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from ..actors import WAITING_LIST, ApplicantActor
from ..exceptions import MissingTransitionInput, RegistrationClosed, SlotFull, SlotInThePast
from ..models import Notification, NotificationState
from ..models.places import RegistrationState
from ..references import submission_reference
from ..selectors.places import (
    places_taken,
    registration_for_address,
    registration_kinds,
    registration_model_for,
    registrations_due_a_reminder,
    waiting_list,
)
from ..selectors.records import records_filter
from ..status_tokens import pending_status_token_issue
from ..tokens import token_generate, token_hash
from .notifications import applicant_mail_queue, status_link_resend, status_url_for
from .records import transition_log_write
from .submissions import active_language
from .transitions import perform_transition

R = RegistrationState
#: Fields of a registration the service sets itself; the caller's ``fields`` never name them.
SERVICE_FIELDS = (
    "reference",
    "state",
    "state_changed_at",
    "reminded_at",
    "language",
    "form_page",
    "status_token_hash",
    "pending_token_hash",
    "fingerprint",
    "answers",
)
#: Mails that still go out after a cancellation: the one saying it was cancelled.
CANCELLATION_MAIL = "registration_cancelled"


@dataclass(frozen=True)
class RegistrationResult:
    """What ``registration_create`` produced."""

    registration: object
    #: The status token, known only now (only its hash is stored); None when the address was registered already.
    token: str | None
    #: False when the address already had a registration for the slot, returned instead (its link mailed again).
    created: bool


def _locked_slot(slot):
    return type(slot)._default_manager.select_for_update().get(pk=slot.pk)


def _checked_fields(kind, *, slot, fields: dict) -> dict:
    """The registrant's fields, validated by the model; MissingTransitionInput (nothing stored) if any is wrong."""
    forbidden = sorted(set(fields) & {*SERVICE_FIELDS, kind.slot_field})
    if forbidden:
        raise TypeError(f"registration_create() sets {', '.join(forbidden)} itself")
    fields = {name: value.strip() if isinstance(value, str) else value for name, value in fields.items()}
    candidate = kind(**fields, **{kind.slot_field: slot})
    try:
        candidate.full_clean(exclude=[*SERVICE_FIELDS, kind.slot_field], validate_unique=False)
    except ValidationError as error:
        errors = {name: " ".join(str(message) for message in messages) for name, messages in error.message_dict.items()}
        raise MissingTransitionInput(field_errors=errors) from None
    return fields


def _refuse_if_closed(slot, *, now) -> None:
    if slot.has_started(now=now):
        raise SlotInThePast()
    if not slot.registration_is_open(now=now):
        raise RegistrationClosed()


def _fingerprint(slot, email: str) -> str:
    return hashlib.sha256(f"{slot._meta.label_lower}:{slot.pk}:{email.lower()}".encode()).hexdigest()


def registration_mail_queue(*, registration, template: str, token: str | None = None) -> Notification:
    """Queue one mail to the registrant, in their language; with ``token`` it carries their status link."""
    return applicant_mail_queue(
        submission=registration,
        template=template,
        language=registration.mail_language,
        extra=(lambda: {"status_url": status_url_for(registration, token)}) if token is not None else dict,
    )


def registration_create(*, slot, fields: dict, form_page=None, language: str = "") -> RegistrationResult:
    """Register a person for ``slot``: confirmed while places are left, else on the waiting list.

    ``fields`` are the kind's own model fields (``applicant_name``, ``applicant_email``, …), validated here.
    An address already registered (not cancelled) gets its registration back and its status link mailed again
    (a pending link, as "lost your link?" sends), outside the slot's lock. Under the lock, a slot that has started
    or whose registration has closed refuses (SlotInThePast, RegistrationClosed), and so does a full one without a
    waiting list (SlotFull). Otherwise the registration is written with its log row and the registrant's mail
    (``registration_confirmed`` or ``registration_waiting``, with the status link), sent after commit.
    """
    kind = registration_model_for(slot)
    fields = _checked_fields(kind, slot=slot, fields=fields)
    existing = registration_for_address(slot=slot, email=fields["applicant_email"])
    if existing is None:
        with transaction.atomic():
            locked = _locked_slot(slot)
            # Looked up again under the lock: the same address sent twice at once makes one registration.
            existing = registration_for_address(slot=locked, email=fields["applicant_email"])
            if existing is None:
                return _registration_add(kind, slot=locked, fields=fields, form_page=form_page, language=language)
    # Outside the slot's lock: a cancellation locks the registration, then the slot, so the other order deadlocks.
    with transaction.atomic():
        status_link_resend(submission=existing, token=pending_status_token_issue(submission=existing))
    return RegistrationResult(registration=existing, token=None, created=False)


def _registration_add(kind, *, slot, fields: dict, form_page, language: str) -> RegistrationResult:
    """``registration_create``'s new registration, under the (locked) slot's lock."""
    now = timezone.now()
    _refuse_if_closed(slot, now=now)
    # People already waiting come before a newcomer, should places have freed up without them moving on.
    registration_waiting_list_fill(slot=slot)
    if places_taken(slot=slot) < slot.places:
        state = R.CONFIRMED
    elif slot.waiting_list_enabled:
        state = R.WAITING
    else:
        raise SlotFull()

    token = token_generate()
    registration = kind(
        **fields,
        **{kind.slot_field: slot},
        state=state,
        state_changed_at=now,
        language=language or active_language(),
        form_page=form_page,
        status_token_hash=token_hash(token),
        fingerprint=_fingerprint(slot, fields["applicant_email"]),
    )
    registration.save()
    registration.reference = submission_reference(registration)
    registration.save(update_fields=["reference"])
    transition_log_write(
        submission=registration,
        transition="submit",
        from_state="",
        to_state=state,
        actor=ApplicantActor.for_submission(registration),
    )
    template = "registration_confirmed" if state == R.CONFIRMED else "registration_waiting"
    registration_mail_queue(registration=registration, template=template, token=token)
    return RegistrationResult(registration=registration, token=token, created=True)


def registration_cancel(*, registration, user=None, applicant_token: str | None = None, note="", message=""):
    """Cancel a registration, by staff (``user``, with an optional note and message) or the registrant (token).

    Runs ``perform_transition``; the kind adapter's ``after_transition`` gives the freed place to the first person
    waiting in the same transaction. Raises the transition errors. Returns the cancelled registration.
    """
    if applicant_token is not None:
        return perform_transition(application=registration, name="cancel", applicant_token=applicant_token)
    return perform_transition(application=registration, name="cancel", user=user, note=note, message=message)


def registration_waiting_list_fill(*, slot) -> list:
    """Confirm people from the waiting list, first come first served, while the slot has free places.

    Nobody is promoted once the slot has started. Each promotion is the ``promote`` transition, performed by
    the waiting list (``actors.WAITING_LIST``): logged, and mailed to the person promoted after commit.
    Returns the registrations promoted.
    """
    promoted = []
    with transaction.atomic():
        slot = _locked_slot(slot)
        if slot.has_started():
            return promoted
        free = slot.places - places_taken(slot=slot)
        for _number in range(max(free, 0)):
            waiting = waiting_list(slot=slot)
            if connection.features.has_select_for_update_skip_locked:
                waiting = waiting.select_for_update(skip_locked=True, of=("self",))
            first = waiting.first()
            if first is None:
                break
            promoted.append(perform_transition(application=first, name="promote", user=WAITING_LIST))
    return promoted


def registration_after_cancel(*, registration) -> None:
    """Inside the cancellation's transaction: drop the registrant's mails not sent yet, then fill the place."""
    # A mail a worker is sending at this moment (leased) cannot be stopped; every other one still pending is.
    not_being_sent = Q(sending_until__isnull=True) | Q(sending_until__lt=timezone.now())
    Notification.objects.filter(
        not_being_sent, **records_filter(registration), to_applicant=True, state=NotificationState.PENDING
    ).exclude(template=CANCELLATION_MAIL).update(
        state=NotificationState.FAILED, last_error="Not sent: the registration was cancelled."
    )
    registration_waiting_list_fill(slot=registration.slot_object)


def registration_after_promote(*, registration) -> None:
    """Inside the promotion's transaction, under the slot's lock: refuse it if it took more places than there are.

    The transition's condition checked for a free place without that lock; two staff members confirming two
    people into the last place at once would otherwise both succeed.
    """
    slot = _locked_slot(registration.slot_object)
    if places_taken(slot=slot) > slot.places:
        raise SlotFull(_("Every place of this session is taken: no one can be confirmed from the waiting list."))


def reminder_lead_time() -> datetime.timedelta:
    """How long before a slot starts its registrants are reminded (``WORKFLOW_FORMS_REMINDER_HOURS``, 48)."""
    return datetime.timedelta(hours=getattr(settings, "WORKFLOW_FORMS_REMINDER_HOURS", 48))


def registration_reminders_send(*, before: datetime.timedelta, now: datetime.datetime | None = None) -> int:
    """Mail a reminder to every confirmed registrant whose slot starts within ``before``; once each.

    Each reminder is claimed by a conditional UPDATE of ``reminded_at`` in its own transaction, so two runs at
    once (two workers, cron overlapping a slow run) never send the same reminder twice, and a registration
    cancelled meanwhile is not reminded. Returns how many reminders were queued.
    """
    now = now or timezone.now()
    sent = 0
    for kind in registration_kinds():
        for registration in registrations_due_a_reminder(kind=kind, now=now, before=before):
            with transaction.atomic():
                claimed = kind._default_manager.filter(
                    pk=registration.pk, state=R.CONFIRMED, reminded_at__isnull=True
                ).update(reminded_at=now)
                if claimed:
                    registration_mail_queue(registration=registration, template="registration_reminder")
                    sent += 1
    return sent
