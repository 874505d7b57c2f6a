"""What the database and the SMTP sink say about the outbox: drained yet, and mail expected vs delivered."""

import time
from collections import Counter

from django.db import InterfaceError, OperationalError, connections

from .figures import Figures
from .sink import SmtpSink


def query(read, *, retry_for: float = 120):
    """Run ``read()`` against the database, reconnecting while it restarts."""
    deadline = time.monotonic() + retry_for
    while True:
        try:
            return read()
        except (OperationalError, InterfaceError):
            connections.close_all()
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def last_notification_id() -> int:
    from workflows.models import Notification

    return query(lambda: Notification.objects.order_by("-pk").values_list("pk", flat=True).first() or 0)


def running_send_tasks() -> int:
    from django_tasks_db.models import DBTaskResult

    return query(lambda: DBTaskResult.objects.filter(status="RUNNING").count())


def busy_tasks() -> int:
    """Tasks running, or ready to run now (django-tasks-db's own ``ready()``: due, or queued without a time);
    the periodic recovery waiting for its next turn is not busy."""
    from django_tasks_db.models import DBTaskResult

    return query(lambda: DBTaskResult.objects.running().count() + DBTaskResult.objects.ready().count())


def wait_until_idle(*, timeout: float) -> int:
    """Wait until no task runs or is due; the tasks still RUNNING then (0 unless one is stuck)."""
    deadline = time.monotonic() + timeout
    while busy_tasks() and time.monotonic() < deadline:
        time.sleep(0.5)
    return running_send_tasks()


def wait_until_drained(*, since_id: int, timeout: float, until_idle: bool = False) -> float | None:
    """Seconds until no notification after ``since_id`` is pending (and, if asked, no task runs or is due, so
    every task that could still send a copy has finished); None if never."""
    from workflows.models import Notification, NotificationState

    started = time.monotonic()
    while time.monotonic() - started < timeout:
        pending = query(lambda: Notification.objects.filter(pk__gt=since_id, state=NotificationState.PENDING).exists())
        if not pending and (not until_idle or busy_tasks() == 0):
            return time.monotonic() - started
        time.sleep(0.5)
    return None


def delivery_figures(
    figures: Figures, sink: SmtpSink, *, since_id: int, until_id: int | None = None, duplicates_allowed: int = 0
) -> dict:
    """Mail expected (outbox rows) against mail received by the sink, matched by their stable Message-ID."""
    from workflows.models import Notification, NotificationState
    from workflows.services.delivery import message_id_for

    def rows():
        notifications = Notification.objects.filter(pk__gt=since_id)
        if until_id is not None:
            notifications = notifications.filter(pk__lte=until_id)
        return list(notifications.only("pk", "state", "created_at", "context"))

    notifications = query(rows)
    expected = {message_id_for(notification): notification for notification in notifications}
    received = Counter(message.message_id for message in sink.messages() if message.message_id in expected)
    pk_range = range(since_id + 1, (until_id or 10**12) + 1)
    unknown = [
        message
        for message in sink.messages()
        if message.message_id not in expected and _notification_pk(message.message_id) in pk_range
    ]
    never_sent = [pk for pk, n in ((n.pk, n) for n in notifications) if n.state != NotificationState.SENT]
    copies = sum(received.values())
    figures.info("mails expected (outbox rows)", len(expected))
    figures.equal("mails delivered (distinct Message-IDs)", len(received), len(expected))
    figures.equal("outbox rows not sent", len(never_sent), 0)
    figures.at_most("duplicate copies (same Message-ID)", copies - len(received), duplicates_allowed)
    figures.equal("copies with an unknown Message-ID", len(unknown), 0)
    return {"expected": len(expected), "received": received, "copies": copies}


def _notification_pk(message_id: str) -> int:
    """``<notification-<pk>.<created>@domain>`` → pk (-1 for anything else)."""
    head = message_id.removeprefix("<notification-").partition(".")[0]
    return int(head) if head.isdigit() and message_id.startswith("<notification-") else -1
