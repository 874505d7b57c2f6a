"""How soon a dead worker's mail goes out again: a send task running longer than the mail lease (5 min) is
taken for a dead worker's, and the recovery task runs every minute, so the mail is sent again within about six
minutes of the crash. Taking a live worker's task for dead sends nothing twice: the lease still holds."""

import datetime

import pytest
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from workflows.models import Notification, NotificationState
from workflows.services.delivery import lease_duration, notification_claim
from workflows.services.delivery_tasks import deliveries_recover, recovery_interval, stuck_after
from workflows.tasks import recover_deliveries, send_notification

from . import test_mail_crash_recovery as crash

confirmation, mail_server, worker_setup = crash.confirmation, crash.mail_server, crash.worker_setup
smtp_port = crash.smtp_port

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def worker_dies_while_sending(notification, *, minutes_ago: float) -> DBTaskResult:
    """The state a ``kill -9`` leaves ``minutes_ago``: its send task RUNNING, the mail's lease taken then."""
    send_notification.enqueue(notification.pk)
    task = DBTaskResult.objects.get(task_path=send_notification.module_path)
    task.claim("killed-worker")
    assert notification_claim(notification_id=notification.pk)
    crashed_at = timezone.now() - datetime.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=task.pk).update(started_at=crashed_at)
    Notification.objects.filter(pk=notification.pk).update(sending_until=crashed_at + lease_duration())
    return task


def test_by_default_a_send_task_counts_as_stuck_once_it_has_outlived_the_lease(settings):
    assert not hasattr(settings, "WORKFLOW_FORMS_TASK_STUCK_AFTER")
    assert stuck_after() == lease_duration() == datetime.timedelta(minutes=5)
    assert recovery_interval() == datetime.timedelta(minutes=1)

    settings.WORKFLOW_FORMS_MAIL_LEASE = 120
    assert stuck_after() == datetime.timedelta(minutes=2), "the threshold follows the lease"
    settings.WORKFLOW_FORMS_TASK_STUCK_AFTER = 900
    assert stuck_after() == datetime.timedelta(minutes=15), "and can still be set on its own"


def test_a_mail_whose_worker_died_just_over_five_minutes_ago_is_sent_again(confirmation, mail_server):
    inbox = mail_server()
    abandoned = worker_dies_while_sending(confirmation, minutes_ago=5.1)

    deliveries_recover()
    crash.run_worker()

    abandoned.refresh_from_db()
    assert abandoned.status == "FAILED"
    assert len(inbox.to("mayor@seoul.example")) == 1
    confirmation.refresh_from_db()
    assert confirmation.state == NotificationState.SENT


def test_a_send_younger_than_the_lease_is_left_to_its_worker(confirmation, mail_server):
    inbox = mail_server()
    running = worker_dies_while_sending(confirmation, minutes_ago=4)

    deliveries_recover()
    crash.run_worker()

    running.refresh_from_db()
    assert running.status == "RUNNING"
    assert inbox.to("mayor@seoul.example") == []
    assert not DBTaskResult.objects.filter(task_path=send_notification.module_path).exclude(pk=running.pk).exists()


def test_a_live_workers_task_taken_for_stuck_sends_nothing_while_its_lease_holds(confirmation, mail_server, settings):
    settings.WORKFLOW_FORMS_TASK_STUCK_AFTER = 0
    inbox = mail_server()
    alive = worker_dies_while_sending(confirmation, minutes_ago=0)  # still sending, lease fresh

    deliveries_recover()
    crash.run_worker()

    alive.refresh_from_db()
    assert alive.status == "FAILED"
    assert inbox.to("mayor@seoul.example") == [], "the lease keeps every other worker off the mail"
    assert crash.leased(confirmation)


def test_the_recovery_runs_again_a_minute_later(worker_setup):
    deliveries_recover()

    (next_run,) = DBTaskResult.objects.filter(task_path=recover_deliveries.module_path, status="READY")
    wait = next_run.run_after - timezone.now()
    assert datetime.timedelta(seconds=50) < wait <= datetime.timedelta(seconds=60)
