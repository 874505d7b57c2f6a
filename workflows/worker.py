"""django-tasks-db's worker, made to outlive a database restart (run by ``manage.py run_worker``).

django-tasks-db's own ``db_worker`` exits on the first ``OperationalError`` (e.g. "the database system is
shutting down"), leaving queued mail waiting until someone restarts it. This worker closes its connections,
waits with capped exponential backoff and carries on polling. A task it was running when the database went
away is marked failed on reconnection, and any pending mail left without a live task is queued again.
"""

import contextlib
import logging
import time

from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from .services.delivery_tasks import deliveries_recover, recovery_schedule

logger = logging.getLogger(__name__)


class DatabaseWentAway(Exception):
    """Recorded on a task that was running when the worker lost the database."""


class ReconnectingWorker(Worker):
    """A django-tasks-db ``Worker`` that reconnects with backoff instead of exiting on a lost database."""

    def __init__(self, *, reconnect_delay: float = 1.0, reconnect_max_delay: float = 60.0, **kwargs):
        super().__init__(**kwargs)
        self.reconnect_delay = reconnect_delay
        self.reconnect_max_delay = reconnect_max_delay
        self.reconnections = 0

    def run(self) -> None:
        failures, last_failure = 0, None
        while True:
            try:
                if failures:
                    self.recover_interrupted_tasks()
                else:
                    self.schedule_recovery()
                return super().run()
            except (OperationalError, InterfaceError) as error:
                now = time.monotonic()
                if last_failure is not None and now - last_failure > 2 * self.reconnect_max_delay:
                    failures = 0  # it worked for a good while: start the backoff again from the beginning
                failures, last_failure = failures + 1, now
                delay = self.backoff(failures)
                logger.warning(
                    "database unavailable worker_id=%s attempt=%s retry_in=%.1fs error=%s: %s",
                    self.worker_id,
                    failures,
                    delay,
                    type(error).__name__,
                    str(error).strip().splitlines()[0] if str(error).strip() else "",
                )
                self.close_connections()
                self.startup_delay = False
                time.sleep(delay)
                self.reconnections += 1

    def backoff(self, failures: int) -> float:
        return min(self.reconnect_delay * 2 ** (failures - 1), self.reconnect_max_delay)

    @staticmethod
    def close_connections() -> None:
        for connection in connections.all(initialized_only=True):
            # An already broken connection may fail to close; it is dropped either way.
            with contextlib.suppress(DatabaseError):
                connection.close()

    def schedule_recovery(self) -> None:
        """Make sure the periodic recovery of mail left by a dead worker is queued."""
        recovery_schedule(backend_alias=self.backend_name)

    def recover_interrupted_tasks(self) -> None:
        """Fail the tasks this worker was running when the database went away, then requeue pending mail."""
        running = DBTaskResult.objects.running().filter(backend_name=self.backend_name)
        for task in running.only("pk", "worker_ids"):
            if task.worker_ids and task.worker_ids[-1] == self.worker_id:
                task.set_failed(DatabaseWentAway("The worker lost the database while running this task."))
                logger.warning("task interrupted task_id=%s worker_id=%s", task.pk, self.worker_id)
        counts = deliveries_recover()
        if counts["queued"]:
            logger.info("requeued pending mail count=%s at=%s", counts["queued"], timezone.now().isoformat())
