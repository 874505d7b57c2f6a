"""The worker path with a real SMTP server on 127.0.0.1: the database task queue, django-tasks-db's worker,
and a mail server that is down for a while. Mail is delivered exactly once and nothing is lost."""

import socket
from email import message_from_bytes, policy

import pytest
from aiosmtpd.controller import Controller
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from workflows.models import ApplicationState, Notification, NotificationState
from workflows.services import perform_transition, submission_record

S = ApplicationState

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


class Inbox:
    """An aiosmtpd handler keeping every message it is given."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # aiosmtpd calls it by this name
        message = message_from_bytes(envelope.content, policy=policy.default)
        self.messages.append((envelope.rcpt_tos, message))
        return "250 Message accepted for delivery"

    def to(self, address):
        return [message for recipients, message in self.messages if recipients == [address]]


@pytest.fixture
def smtp_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def mail_server(smtp_port):
    """Starts an SMTP server on ``smtp_port`` when called; stopped after the test."""
    controllers = []

    def start() -> Inbox:
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=smtp_port)
        controller.start()
        controllers.append(controller)
        return inbox

    yield start
    for controller in controllers:
        controller.stop()


@pytest.fixture
def worker_setup(smtp_port):
    with override_settings(
        TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}},
        EMAIL_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=smtp_port,
        EMAIL_USE_TLS=False,
        EMAIL_USE_SSL=False,
        EMAIL_TIMEOUT=5,
    ):
        yield


def run_worker():
    """One pass of django-tasks-db's worker over every queue: run what is due, then stop."""
    Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    ).run()


def submit(make_application):
    applied = make_application(S.SUBMITTED)
    with transaction.atomic():
        submission_record(submission=applied.application, token=applied.token)
    return applied


def test_the_worker_delivers_the_queued_mail_through_smtp(worker_setup, mail_server, make_application, reviewer):
    inbox = mail_server()
    applied = submit(make_application)

    assert inbox.messages == [], "nothing is sent by the request itself"
    assert Notification.objects.filter(state=NotificationState.PENDING).count() == 2

    run_worker()

    assert Notification.objects.filter(state=NotificationState.SENT).count() == 2
    (confirmation,) = inbox.to("mayor@seoul.example")
    assert confirmation["Subject"] == f"We received your application {applied.application.reference}"
    assert confirmation.get_content_type() == "multipart/alternative"
    text = confirmation.get_body(preferencelist=("plain",)).get_content()
    html = confirmation.get_body(preferencelist=("html",)).get_content()
    assert f"/en/applications/status/{applied.token}/" in text and f"/en/applications/status/{applied.token}/" in html
    assert len(inbox.to(reviewer.email)) == 1


def test_a_transition_is_mailed_by_the_worker_after_it_commits(worker_setup, mail_server, make_application, reviewer):
    inbox = mail_server()
    applied = make_application(S.SUBMITTED)

    perform_transition(application=applied.application, name="request_changes", user=reviewer, message="Add a budget.")
    run_worker()

    (message,) = inbox.to("mayor@seoul.example")
    assert "Add a budget." in message.get_body(preferencelist=("plain",)).get_content()


def test_with_the_mail_server_down_nothing_is_lost_and_a_later_run_delivers_exactly_once(
    worker_setup, mail_server, make_application, reviewer
):
    applied = submit(make_application)

    run_worker()  # the server is down

    assert applied.reload().state == S.SUBMITTED
    notifications = list(Notification.objects.all())
    assert len(notifications) == 2
    for notification in notifications:
        assert notification.state == NotificationState.PENDING
        assert notification.attempts == 1
        assert "refused" in notification.last_error.lower()
        assert notification.next_attempt_at > timezone.now()
    # The confirmation still holds the status link it has yet to deliver.
    assert "status_url" in Notification.objects.get(template="applicant_received").context
    # Each send task queued its own retry for when the backoff ends.
    assert DBTaskResult.objects.filter(status="READY", run_after__gt=timezone.now()).count() == 2

    inbox = mail_server()
    call_command("send_pending_notifications", "--now", verbosity=0)
    run_worker()

    assert len(inbox.messages) == 2
    assert len(inbox.to("mayor@seoul.example")) == 1 and len(inbox.to(reviewer.email)) == 1
    assert set(Notification.objects.values_list("state", flat=True)) == {NotificationState.SENT}
    assert "status_url" not in Notification.objects.get(template="applicant_received").context
    # The command brought the deferred retries forward instead of queueing more: none is left waiting.
    assert not DBTaskResult.objects.filter(status="READY").exists()
    # One task sent the submission's two mails together, and each failed mail queued one retry: three in all.
    assert DBTaskResult.objects.count() == 3
