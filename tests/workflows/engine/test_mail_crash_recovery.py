"""A worker killed while sending leaves a committed lease, not a lost claim: once the lease expires the mail is
sent again, with the same Message-ID, and a task it left RUNNING is failed. Delivery is at least once: a crash
after the mail server accepted the mail but before the result was recorded sends it twice."""

import datetime
import smtplib

import pytest
from django.core.mail.backends.smtp import EmailBackend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from workflows.models import Notification, NotificationState
from workflows.services import delivery
from workflows.services.delivery import notification_deliver
from workflows.services.delivery_tasks import deliveries_recover
from workflows.tasks import send_notification

from . import test_mail_delivery as smtp_sink

# The real SMTP server on 127.0.0.1 and the database worker, as the delivery tests set them up.
smtp_port, mail_server, worker_setup = smtp_sink.smtp_port, smtp_sink.mail_server, smtp_sink.worker_setup
run_worker, submit = smtp_sink.run_worker, smtp_sink.submit

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class WorkerKilled(BaseException):
    """What ``kill -9`` looks like from inside: nothing after this point runs."""


def kill_worker(*args, **kwargs):
    raise WorkerKilled


@pytest.fixture
def confirmation(worker_setup, make_application):
    """The applicant's pending confirmation; its queued task is dropped so each test sends it by hand."""
    submit(make_application)
    DBTaskResult.objects.all().delete()
    return Notification.objects.get(template="applicant_received")


def leased(notification) -> bool:
    notification.refresh_from_db()
    return notification.state == NotificationState.PENDING and notification.sending_until > timezone.now()


def lease_expires(notification):
    Notification.objects.filter(pk=notification.pk).update(sending_until=timezone.now() - datetime.timedelta(seconds=1))


def recover_and_send():
    deliveries_recover()
    run_worker()


def test_killed_before_connecting_the_lease_holds_then_the_mail_is_sent_once(confirmation, mail_server, monkeypatch):
    inbox = mail_server()
    with monkeypatch.context() as patch:
        patch.setattr(EmailBackend, "open", kill_worker)
        with pytest.raises(WorkerKilled):
            notification_deliver(notification_id=confirmation.pk)

    assert leased(confirmation), "the claim was committed before the mail server was contacted"
    assert notification_deliver(notification_id=confirmation.pk) == "skipped", "no second sender while it holds"

    lease_expires(confirmation)
    recover_and_send()

    confirmation.refresh_from_db()
    assert confirmation.state == NotificationState.SENT and confirmation.attempts == 2
    (message,) = inbox.to("mayor@seoul.example")
    assert message["Message-ID"].startswith(f"<notification-{confirmation.pk}.")


def test_killed_after_the_server_accepted_the_mail_it_is_sent_again_with_the_same_message_id(
    confirmation, mail_server, monkeypatch
):
    inbox = mail_server()
    with monkeypatch.context() as patch:
        patch.setattr(smtplib.SMTP, "quit", kill_worker)  # DATA was accepted; the session never closes
        with pytest.raises(WorkerKilled):
            notification_deliver(notification_id=confirmation.pk)

    assert len(inbox.to("mayor@seoul.example")) == 1
    assert leased(confirmation)

    lease_expires(confirmation)
    recover_and_send()

    first, second = inbox.to("mayor@seoul.example")
    assert first["Message-ID"] == second["Message-ID"], "the retry is recognisably the same message"
    confirmation.refresh_from_db()
    assert confirmation.state == NotificationState.SENT
    assert "status_url" not in confirmation.context


def test_killed_before_the_result_is_committed_nothing_half_written_and_the_mail_is_sent_again(
    confirmation, mail_server, monkeypatch
):
    inbox = mail_server()
    with monkeypatch.context() as patch:
        patch.setattr(delivery, "_finish", kill_worker)
        with pytest.raises(WorkerKilled):
            notification_deliver(notification_id=confirmation.pk)

    assert leased(confirmation)
    assert confirmation.sent_at is None and "status_url" in confirmation.context

    lease_expires(confirmation)
    recover_and_send()

    first, second = inbox.to("mayor@seoul.example")
    assert first["Message-ID"] == second["Message-ID"]
    confirmation.refresh_from_db()
    assert confirmation.state == NotificationState.SENT


def test_a_task_left_running_by_a_dead_worker_is_failed_and_its_mail_sent(confirmation, mail_server):
    inbox = mail_server()
    send_notification.enqueue(confirmation.pk)
    abandoned = DBTaskResult.objects.get()
    abandoned.claim("killed-worker")
    DBTaskResult.objects.filter(pk=abandoned.pk).update(started_at=timezone.now() - datetime.timedelta(hours=1))
    Notification.objects.filter(pk=confirmation.pk).update(attempts=1)
    lease_expires(confirmation)

    recover_and_send()

    abandoned.refresh_from_db()
    assert abandoned.status == "FAILED"
    assert len(inbox.to("mayor@seoul.example")) == 1
    confirmation.refresh_from_db()
    assert confirmation.state == NotificationState.SENT
