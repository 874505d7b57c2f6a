"""e. Two workers at once, and every mail queued twice (a second send task each, as a redundant queue would
give): the lease lets one worker send it and the other skip it, so every notification is sent exactly once."""

import time
from collections import Counter

from .figures import Figures
from .forms import Form
from .outbox import delivery_figures, last_notification_id, query, wait_until_drained
from .stack import Stack
from .traffic import application_count, submission_figures, submit_many


def _tasks_by_worker(since) -> Counter:
    from django_tasks_db.models import DBTaskResult

    from workflows.tasks import send_notification, send_notifications

    paths = [send_notification.module_path, send_notifications.module_path]
    rows = query(
        lambda: list(
            DBTaskResult.objects.filter(task_path__in=paths, enqueued_at__gte=since).values_list("status", "worker_ids")
        )
    )
    return Counter((status, worker_ids[-1] if worker_ids else "") for status, worker_ids in rows)


def run(stack: Stack, forms: dict[str, Form], *, submissions: int, clients: int, drain_timeout: float) -> Figures:
    from django.utils import timezone

    from workflows.models import Notification
    from workflows.tasks import send_notification

    figures = Figures("e. two workers")
    wait_until_drained(since_id=0, timeout=drain_timeout, until_idle=True)
    if len([worker for worker in stack.workers if worker.alive()]) != 2:
        stack.stop_workers()
        stack.start_worker("pair-1")
        stack.start_worker("pair-2")
    first, second = (worker.worker_id for worker in stack.workers)
    since_id, rows_before, since = last_notification_id(), application_count(), timezone.now()
    answered = submit_many(stack.base_url, forms, range(500_000, 500_000 + submissions), clients=clients)
    notification_ids = query(lambda: list(Notification.objects.filter(pk__gt=since_id).values_list("pk", flat=True)))
    for notification_id in notification_ids:
        query(lambda pk=notification_id: send_notification.enqueue(pk))
    started = time.monotonic()
    drained_in = wait_until_drained(since_id=since_id, timeout=drain_timeout, until_idle=True)
    submission_figures(figures, answered, rows_before=rows_before)
    figures.info("second send tasks queued", len(notification_ids))
    delivery_figures(figures, stack.sink, since_id=since_id, duplicates_allowed=0)
    tasks = _tasks_by_worker(since)
    figures.at_least("send tasks finished by the first worker", tasks[("SUCCESSFUL", first)], 1)
    figures.at_least("send tasks finished by the second worker", tasks[("SUCCESSFUL", second)], 1)
    finished = sum(count for (status, _worker), count in tasks.items() if status == "SUCCESSFUL")
    figures.equal("send tasks not finished successfully", sum(tasks.values()) - finished, 0)
    figures.info("drained in (s)", drained_in if drained_in is not None else time.monotonic() - started)
    return figures
