"""`manage.py run_worker` outlives a database restart: it backs off, reconnects and carries on sending mail,
where django-tasks-db's `db_worker` exits."""

import psycopg
import pytest
from django.core import mail
from django.db import OperationalError, connection, connections, transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult, DBTaskResultQuerySet

from workflows import worker as worker_module
from workflows.models import ApplicationState, Notification, NotificationState
from workflows.services import submission_record
from workflows.worker import ReconnectingWorker

S = ApplicationState

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


@pytest.fixture(autouse=True)
def database_tasks():
    with override_settings(TASKS={"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}):
        yield


@pytest.fixture
def waits(monkeypatch):
    """The backoff delays the worker waited, without waiting them."""
    delays = []
    monkeypatch.setattr(worker_module.time, "sleep", delays.append)
    return delays


@pytest.fixture
def database_restarting(monkeypatch):
    """The worker's first ``polls`` polls fail as they do while PostgreSQL shuts down and starts again."""
    original = DBTaskResultQuerySet.get_locked

    def restart(polls: int):
        failures = iter(range(polls))

        def get_locked(queryset):
            if next(failures, None) is not None:
                raise OperationalError("FATAL: the database system is shutting down")
            return original(queryset)

        monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)

    return restart


def make_worker(**options) -> ReconnectingWorker:
    return ReconnectingWorker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
        **options,
    )


def submit(make_application):
    applied = make_application(S.SUBMITTED)
    with transaction.atomic():
        submission_record(submission=applied.application, token=applied.token)
    return applied


def test_the_worker_backs_off_through_a_database_restart_then_sends_the_mail(
    make_application, database_restarting, waits
):
    submit(make_application)
    database_restarting(polls=5)

    make_worker(reconnect_delay=1, reconnect_max_delay=4).run()

    assert waits == [1, 2, 4, 4, 4], "exponential backoff, capped"
    assert set(Notification.objects.values_list("state", flat=True)) == {NotificationState.SENT}
    assert len(mail.outbox) == 1


def test_a_send_interrupted_by_the_restart_is_failed_and_its_mail_sent_on_reconnection(
    make_application, database_restarting, waits
):
    submit(make_application)
    # One send task was being run by this worker when the database went away.
    interrupted = DBTaskResult.objects.order_by("enqueued_at").first()
    interrupted.claim("test-worker")
    database_restarting(polls=1)

    make_worker().run()

    interrupted.refresh_from_db()
    assert interrupted.status == "FAILED" and "lost the database" in interrupted.traceback
    assert set(Notification.objects.values_list("state", flat=True)) == {NotificationState.SENT}
    assert len(mail.outbox) == 1


@pytest.mark.postgres
@pytest.mark.skipif(connection.vendor != "postgresql", reason="needs PostgreSQL to cut a real server connection")
def test_the_worker_survives_the_server_cutting_its_connection(make_application, monkeypatch, waits):
    """As when PostgreSQL restarts: the server terminates the worker's session between two polls."""
    submit(make_application)
    original = DBTaskResultQuerySet.get_locked
    cuts = iter([True])

    def get_locked(queryset):
        if next(cuts, False):
            with connections["default"].cursor():
                pid = connection.connection.info.backend_pid
            with psycopg.connect(_conninfo(), autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return original(queryset)

    monkeypatch.setattr(DBTaskResultQuerySet, "get_locked", get_locked)

    make_worker().run()

    assert waits == [1.0]
    assert set(Notification.objects.values_list("state", flat=True)) == {NotificationState.SENT}
    assert len(mail.outbox) == 1


def _conninfo() -> str:
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params.pop("context", None)
    params.pop("prepare_threshold", None)
    return psycopg.conninfo.make_conninfo(**{key: value for key, value in params.items() if value is not None})
