"""Sending one outbox notification: at least once (see ``notification_deliver``), retried with backoff while
the mail server fails.

Settings:
- ``WORKFLOW_FORMS_MAIL_MAX_ATTEMPTS`` (default 8): after this many failed tries a notification is failed.
- ``WORKFLOW_FORMS_MAIL_LEASE`` (seconds, default 5 minutes): how long a worker's claim on a mail lasts; longer
  than a send can take (set ``EMAIL_TIMEOUT``). After it, a mail whose worker died is sent again.
- ``WORKFLOW_FORMS_MAIL_RETRY_DELAY`` (seconds, default 60): the first retry's delay, doubled each time,
  at most ``WORKFLOW_FORMS_MAIL_RETRY_MAX_DELAY`` (seconds, default 6 hours).
"""

import datetime
import logging
from email.utils import parseaddr

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.utils import timezone, translation

from ..adapters import kind_adapter
from ..mail import render_notification
from ..models import Notification, NotificationState
from .notifications import enqueue_delivery

logger = logging.getLogger(__name__)

# Context keys that must not outlive the delivery (the applicant's private status link).
ONE_TIME_CONTEXT_KEYS = ("status_url", "set_password_url", "export_url")


def max_attempts() -> int:
    return getattr(settings, "WORKFLOW_FORMS_MAIL_MAX_ATTEMPTS", 8)


def retry_delay(attempts: int) -> datetime.timedelta:
    """Exponential backoff after ``attempts`` failed tries: 1, 2, 4, ... times the base delay."""
    base = getattr(settings, "WORKFLOW_FORMS_MAIL_RETRY_DELAY", 60)
    cap = getattr(settings, "WORKFLOW_FORMS_MAIL_RETRY_MAX_DELAY", 6 * 3600)
    return datetime.timedelta(seconds=min(base * 2 ** max(attempts - 1, 0), cap))


def lease_duration() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "WORKFLOW_FORMS_MAIL_LEASE", 5 * 60))


def message_id_for(notification: Notification) -> str:
    """The same ``Message-ID`` on every attempt, so a mail sent twice is recognisably one message."""
    from_email = notification.context.get("from_email") or settings.DEFAULT_FROM_EMAIL
    domain = parseaddr(from_email)[1].rpartition("@")[2] or "localhost"
    return f"<notification-{notification.pk}.{int(notification.created_at.timestamp())}@{domain}>"


def notification_claim(*, notification_id: int) -> bool:
    """Lease a pending notification to this worker, committed before any mail server is contacted."""
    now = timezone.now()
    with transaction.atomic():
        claimed = (
            Notification.objects.filter(pk=notification_id, state=NotificationState.PENDING)
            .filter(Q(sending_until__isnull=True) | Q(sending_until__lt=now))
            .update(attempts=F("attempts") + 1, sending_until=now + lease_duration())
        )
    return bool(claimed)


def notification_deliver(*, notification_id: int) -> str:
    """Send one notification if it is pending and not leased. Returns "sent", "retry", "failed" or "skipped".

    Never raises because mail failed: the row records the error and when to try again. At least once: the
    lease is committed before the mail server is contacted and released only after the result is recorded,
    so a worker that dies in between leaves a lease that expires and the mail is sent again (same Message-ID).
    """
    if not notification_claim(notification_id=notification_id):
        return "skipped"
    notification = Notification.objects.get(pk=notification_id)
    try:
        subject, text, html = render_notification(notification)
    except (TemplateDoesNotExist, TemplateSyntaxError) as error:
        # A missing or broken template will not fix itself by waiting.
        with transaction.atomic():
            return _finish(notification, NotificationState.FAILED, error=f"{type(error).__name__}: {error}")
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=notification.context.get("from_email") or settings.DEFAULT_FROM_EMAIL,
        to=[notification.recipient_email],
        headers={
            "Message-ID": message_id_for(notification),
            # Mail clients read it to pick fonts and offer translation (RFC 3282).
            "Content-Language": notification.context.get("language") or settings.LANGUAGE_CODE,
        },
    )
    message.attach_alternative(html, "text/html")
    try:
        for filename, content, mimetype in notification_attachments(notification):
            message.attach(filename, content, mimetype)
        message.send(fail_silently=False)
    except Exception as error:  # any mail backend (or attachment) error: recorded on the row and retried, never raised
        with transaction.atomic():
            return _record_failure(notification, f"{type(error).__name__}: {error}")
    with transaction.atomic():
        notification.sent_at = timezone.now()
        return _finish(notification, NotificationState.SENT)


def notification_attachments(notification: Notification) -> list[tuple[str, bytes, str]]:
    """The files the kind's adapter attaches to an applicant's mail (``KindAdapter.mail_attachments``), built in
    the mail's language; none for staff mails or once the submission is gone (erased)."""
    if not notification.to_applicant:
        return []
    submission = notification.submission
    if submission is None:
        return []
    with translation.override(notification.context.get("language") or settings.LANGUAGE_CODE):
        return kind_adapter(type(submission)).mail_attachments(submission, template=notification.template)


def _record_failure(notification: Notification, error_text: str) -> str:
    if notification.attempts >= max_attempts():
        logger.error(
            "Notification %s failed for good after %s attempts: %s", notification.pk, max_attempts(), error_text
        )
        return _finish(notification, NotificationState.FAILED, error=error_text)
    notification.last_error = error_text
    notification.next_attempt_at = timezone.now() + retry_delay(notification.attempts)
    notification.sending_until = None
    notification.save(update_fields=["last_error", "next_attempt_at", "sending_until"])
    notification_id, run_after = notification.pk, notification.next_attempt_at
    transaction.on_commit(lambda: _retry_later(notification_id, run_after), robust=True)
    return "retry"


def _finish(notification: Notification, state: str, *, error: str = "") -> str:
    notification.state = state
    notification.next_attempt_at = None
    notification.sending_until = None
    if error:
        notification.last_error = error
    for key in ONE_TIME_CONTEXT_KEYS:
        notification.context.pop(key, None)
    notification.save(update_fields=["state", "next_attempt_at", "sending_until", "last_error", "sent_at", "context"])
    return str(state)


def _retry_later(notification_id: int, run_after) -> None:
    from ..tasks import send_notification

    if send_notification.get_backend().supports_defer:
        enqueue_delivery(notification_id, run_after=run_after)
    else:
        # E.g. the immediate backend: retrying now would hammer a server that just failed.
        logger.warning(
            "Notification %s stays pending; the task backend cannot defer, run send_pending_notifications.",
            notification_id,
        )


def notifications_due(*, now=None, include_not_due: bool = False):
    """Pending notifications whose next attempt is due (or all pending ones)."""
    now = now or timezone.now()
    # One being sent (its lease not yet expired) is not due; one whose worker died is, once the lease expires.
    pending = Notification.objects.filter(state=NotificationState.PENDING).filter(
        Q(sending_until__isnull=True) | Q(sending_until__lt=now)
    )
    if include_not_due:
        return pending
    return pending.filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
