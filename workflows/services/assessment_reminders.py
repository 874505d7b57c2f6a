"""Reminding reviewers of assessments still awaited: once a few days before the due date, once on the day.

Run daily or more often (``manage.py send_assessment_reminders``, from cron). Days are the site's time zone's.
A reminder goes only to a request still awaited (not given, declined, withdrawn, nor closed by the application
moving on). "Before" is sent from ``WORKFLOW_FORMS_ASSESSMENT_REMINDER_DAYS`` (default 3) days before the due
date until the day before, and only when the request was made before that window opened (a request made two
days before its due date was just mailed); "on the day" on the due date only, unless it was requested that day.

Sending twice is impossible, even with two runs at once: each reminder locks its request row, checks and
writes its ``AssessmentReminder`` row (unique per request and kind) and queues the mail in one transaction; a
second run waits for the lock, then finds the row (or fails on the constraint) and sends nothing.
"""

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from ..models import Assessment, AssessmentReminder, ReminderKind
from ..registry import as_specific
from ..workspaces import submission_admin_url
from .assessment_rules import due_date_text, site_today
from .notifications import StaffContexts, notification_queue
from .records import actor_label

logger = logging.getLogger("workflows.assessments")
REMINDER_MAIL = "staff_assessment_reminder"
DEFAULT_REMINDER_DAYS = 3


def reminder_days() -> int:
    return int(getattr(settings, "WORKFLOW_FORMS_ASSESSMENT_REMINDER_DAYS", DEFAULT_REMINDER_DAYS))


def _start_of(day: datetime.date) -> datetime.datetime:
    """Midnight at the start of ``day`` in the site's time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def awaited_requests():
    return Assessment.objects.awaited().filter(superseded=False, due_date__isnull=False)


def reminders_due(*, today: datetime.date) -> list[tuple[int, str]]:
    """(request id, kind) of every reminder to send ``today``, not sent yet."""
    lead = reminder_days()
    due = []
    before = awaited_requests().filter(due_date__gt=today, due_date__lte=today + datetime.timedelta(days=lead))
    before = before.exclude(reminders__kind=ReminderKind.BEFORE)
    for pk, due_date, requested_at in before.values_list("pk", "due_date", "requested_at"):
        if requested_at < _start_of(due_date - datetime.timedelta(days=lead)):
            due.append((pk, ReminderKind.BEFORE.value))
    on_the_day = (
        awaited_requests()
        .filter(due_date=today, requested_at__lt=_start_of(today))
        .exclude(reminders__kind=ReminderKind.DUE)
    )
    due.extend((pk, ReminderKind.DUE.value) for pk in on_the_day.values_list("pk", flat=True))
    return sorted(due)


def reminder_send(*, assessment_id: int, kind: str) -> bool:
    """Send one reminder if it is still due and was not sent; True when this call queued it."""
    try:
        with transaction.atomic():
            request = awaited_requests().select_for_update().filter(pk=assessment_id).first()
            if request is None or request.reminders.filter(kind=kind).exists():
                return False
            AssessmentReminder.objects.create(assessment=request, kind=kind)
            reviewer = request.reviewer
            if reviewer is None or not reviewer.is_active or not reviewer.email:
                return True  # recorded, so no later run tries again; nobody to mail
            specific = as_specific(request.submission)
            contexts = StaffContexts(specific, extra={"assessment_url": submission_admin_url(specific, "assessment")})
            notification_queue(
                submission=specific,
                template=REMINDER_MAIL,
                recipient_email=reviewer.email,
                recipient_user=reviewer,
                context={
                    **contexts.for_user(reviewer),
                    "reviewer_name": actor_label(reviewer),
                    "due_date": due_date_text(request.due_date, reviewer),
                    "reminder_kind": kind,
                },
            )
    except IntegrityError:
        # Another run wrote this reminder between our check and our insert (possible without row locks).
        return False
    logger.info("assessment reminder queued assessment_id=%s kind=%s", assessment_id, kind)
    return True


def assessment_reminders_send(*, today: datetime.date | None = None) -> int:
    """Send every reminder due today (the site's today by default); returns how many were queued."""
    today = today or site_today()
    return sum(reminder_send(assessment_id=pk, kind=kind) for pk, kind in reminders_due(today=today))
