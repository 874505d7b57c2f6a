"""`send_pending_notifications` queues a send task only for pending mail that has no live one: a mail whose
task is waiting or running is left alone, so a run after a restart does not flood the queue."""

import datetime

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from workflows.models import ApplicationState, Notification

S = ApplicationState

pytestmark = pytest.mark.usefixtures("database_tasks")


@pytest.fixture
def database_tasks():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


def tasks_for(notification) -> list[DBTaskResult]:
    return [task for task in DBTaskResult.objects.all() if task.args_kwargs["args"] == [notification.pk]]


@pytest.fixture
def pending_mail(make_application, reviewer, perform):
    """One pending notification whose send task is waiting in the queue."""
    applied = make_application(S.SUBMITTED)
    perform(application=applied.application, name="request_changes", user=reviewer, message="Add a budget.")
    notification = Notification.objects.get()
    assert len(tasks_for(notification)) == 1
    return notification


def test_a_pending_mail_whose_task_is_waiting_gets_no_second_task(pending_mail):
    call_command("send_pending_notifications", verbosity=0)
    call_command("send_pending_notifications", verbosity=0)

    assert len(tasks_for(pending_mail)) == 1


def test_a_pending_mail_whose_task_is_running_gets_no_second_task(pending_mail):
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now())

    call_command("send_pending_notifications", verbosity=0)

    assert len(tasks_for(pending_mail)) == 1


def test_a_pending_mail_that_lost_its_task_is_queued_once(pending_mail):
    DBTaskResult.objects.all().delete()

    call_command("send_pending_notifications", verbosity=0)
    call_command("send_pending_notifications", verbosity=0)

    (task,) = tasks_for(pending_mail)
    assert task.status == "READY"


def test_a_task_stuck_running_after_its_worker_died_no_longer_counts(pending_mail):
    DBTaskResult.objects.update(status="RUNNING", started_at=timezone.now() - datetime.timedelta(hours=1))

    call_command("send_pending_notifications", verbosity=0)

    assert sorted(task.status for task in tasks_for(pending_mail)) == ["READY", "RUNNING"]


def test_a_finished_task_does_not_count_for_a_mail_still_pending(pending_mail):
    DBTaskResult.objects.update(status="SUCCESSFUL", finished_at=timezone.now())

    call_command("send_pending_notifications", verbosity=0)

    assert sorted(task.status for task in tasks_for(pending_mail)) == ["READY", "SUCCESSFUL"]


def test_now_brings_a_deferred_retry_forward_instead_of_queueing_another(pending_mail):
    later = timezone.now() + datetime.timedelta(hours=1)
    DBTaskResult.objects.update(run_after=later)
    Notification.objects.update(next_attempt_at=later, attempts=1)

    call_command("send_pending_notifications", verbosity=0)
    assert [task.run_after for task in tasks_for(pending_mail)] == [later], "still backing off: left alone"

    call_command("send_pending_notifications", "--now", verbosity=0)

    (task,) = tasks_for(pending_mail)
    assert task.run_after <= timezone.now()
    assert DBTaskResult.objects.ready().count() == 1
