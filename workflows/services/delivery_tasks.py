"""Which pending notifications already have a send task waiting or running, so none is queued twice.

Only django-tasks-db's database backend can answer that question; with any other backend every due
notification is queued (sending is idempotent, so a duplicate task sends nothing twice).

Settings:
- ``WORKFLOW_FORMS_TASK_STUCK_AFTER`` (seconds, default: the mail lease, ``WORKFLOW_FORMS_MAIL_LEASE``): a send
  task still ``RUNNING`` after this long belongs to a worker that died, and no longer counts as live. Taking a
  live worker's task for stuck sends nothing twice: its mail's lease keeps every other worker off it until the
  lease expires, which is why the threshold need not be longer than the lease.
- ``WORKFLOW_FORMS_RECOVERY_INTERVAL`` (seconds, default 60): how often ``recover_deliveries`` runs. A mail whose
  worker died is sent again between one lease and one lease plus this interval after the crash.
"""

import datetime

from django.conf import settings
from django.db.models import Q
from django.utils import timezone

from .delivery import lease_duration, notifications_due
from .notifications import enqueue_delivery


def stuck_after() -> datetime.timedelta:
    seconds = getattr(settings, "WORKFLOW_FORMS_TASK_STUCK_AFTER", None)
    return lease_duration() if seconds is None else datetime.timedelta(seconds=seconds)


def _database_backend_alias() -> str | None:
    from ..tasks import send_notification

    try:
        from django_tasks_db import DatabaseBackend
    except ImportError:  # the plugin does not require the database backend
        return None
    backend = send_notification.get_backend()
    return backend.alias if isinstance(backend, DatabaseBackend) else None


def live_send_tasks(*, backend_alias: str, now: datetime.datetime):
    """Send tasks that are waiting (READY, due or deferred) or running and not stuck."""
    from django_tasks_db.models import DBTaskResult

    return DBTaskResult.objects.filter(task_path__in=send_task_paths(), backend_name=backend_alias).filter(
        Q(status="READY") | Q(status="RUNNING", started_at__gte=now - stuck_after())
    )


def send_task_paths() -> list[str]:
    """The tasks that send outbox mail: one notification (``send_notification``) or one event's batch."""
    from ..tasks import send_notification, send_notifications

    return [send_notification.module_path, send_notifications.module_path]


def _notification_ids(args_kwargs) -> list[int]:
    """The notifications a send task covers: its first argument, one id or a list of them."""
    args = (args_kwargs or {}).get("args") or []
    first = args[0] if args else None
    if isinstance(first, int):
        return [first]
    return [item for item in first if isinstance(item, int)] if isinstance(first, list) else []


def pending_notifications_enqueue(*, include_not_due: bool = False) -> dict[str, int]:
    """Queue a send task for each due notification that has no live one.

    With ``include_not_due`` (the mail server is back), a notification still backing off is sent now: its
    deferred task is brought forward rather than doubled. Returns the counts ``queued`` and ``brought_forward``.
    """
    now = timezone.now()
    due_ids = list(
        notifications_due(now=now, include_not_due=include_not_due).order_by("pk").values_list("pk", flat=True)
    )
    alias = _database_backend_alias()
    if alias is None:
        for notification_id in due_ids:
            enqueue_delivery(notification_id)
        return {"queued": len(due_ids), "brought_forward": 0}

    live = live_send_tasks(backend_alias=alias, now=now)
    covered, deferred_tasks = set(), []
    for task_id, args_kwargs, status, run_after in live.values_list("pk", "args_kwargs", "status", "run_after"):
        notification_ids = _notification_ids(args_kwargs)
        covered.update(notification_ids)
        if include_not_due and status == "READY" and now < run_after < _date_max():
            deferred_tasks.extend((notification_id, task_id) for notification_id in notification_ids)
    due = set(due_ids)
    bring_forward = [task_id for notification_id, task_id in deferred_tasks if notification_id in due]
    brought_forward = live.filter(pk__in=bring_forward).update(run_after=now) if bring_forward else 0
    missing = [notification_id for notification_id in due_ids if notification_id not in covered]
    for notification_id in missing:
        enqueue_delivery(notification_id)
    return {"queued": len(missing), "brought_forward": brought_forward}


def _date_max() -> datetime.datetime:
    from django_tasks_db.models import get_date_max

    return get_date_max()


def recovery_interval() -> datetime.timedelta:
    return datetime.timedelta(seconds=getattr(settings, "WORKFLOW_FORMS_RECOVERY_INTERVAL", 60))


def stuck_send_tasks_fail(*, backend_alias: str, now: datetime.datetime) -> int:
    """Mark failed the send tasks left ``RUNNING`` by a worker that died (their mail is queued again)."""
    from django_tasks_db.models import DBTaskResult

    stuck = DBTaskResult.objects.running().filter(
        task_path__in=send_task_paths(), backend_name=backend_alias, started_at__lt=now - stuck_after()
    )
    error = RuntimeError("The worker running this task stopped without finishing it.")
    count = 0
    for task in stuck:
        task.set_failed(error)
        count += 1
    return count


def deliveries_recover() -> dict[str, int]:
    """Fail send tasks stuck by a dead worker, then queue every due mail (expired leases included) that has no
    live task. Then schedule the next recovery, so it runs every ``WORKFLOW_FORMS_RECOVERY_INTERVAL`` seconds."""
    alias = _database_backend_alias()
    if alias is None:
        return {"stuck": 0, **pending_notifications_enqueue()}
    stuck = stuck_send_tasks_fail(backend_alias=alias, now=timezone.now())
    counts = {"stuck": stuck, **pending_notifications_enqueue()}
    recovery_schedule(backend_alias=alias)
    return counts


def recovery_schedule(*, backend_alias: str) -> None:
    """Queue the next recovery run unless one is already waiting."""
    from django_tasks_db.models import DBTaskResult

    from ..tasks import recover_deliveries

    waiting = DBTaskResult.objects.filter(
        task_path=recover_deliveries.module_path, backend_name=backend_alias, status="READY"
    )
    if not waiting.exists():
        recover_deliveries.using(run_after=timezone.now() + recovery_interval()).enqueue()
