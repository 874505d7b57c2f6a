"""With the database task queue, a new submission's mail task is written in the submission's own transaction:
it commits with the notifications it sends (one commit, not two) and rolls back with them."""

import pytest
from django.db import transaction
from django.test import override_settings
from django_tasks_db.models import DBTaskResult

from workflows.models import ApplicationState, Notification
from workflows.services import submission_record

pytestmark = pytest.mark.django_db

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


class Abandoned(Exception):
    pass


def test_the_task_is_in_the_database_before_the_transaction_ends_and_names_every_notification(
    make_application, reviewer
):
    applied = make_application(ApplicationState.SUBMITTED)
    with override_settings(TASKS=DATABASE_QUEUE), transaction.atomic():
        submission_record(submission=applied.application, token=applied.token)
        (task,) = DBTaskResult.objects.all()

    notification_ids = set(Notification.objects.values_list("pk", flat=True))
    assert len(notification_ids) >= 2  # the applicant's confirmation and the reviewer's alert
    assert set(task.args_kwargs["args"][0]) == notification_ids


def test_a_submission_rolled_back_leaves_neither_mail_nor_task(make_application, reviewer):
    applied = make_application(ApplicationState.SUBMITTED)
    with override_settings(TASKS=DATABASE_QUEUE), pytest.raises(Abandoned), transaction.atomic():
        submission_record(submission=applied.application, token=applied.token)
        raise Abandoned

    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_a_queue_outside_the_database_is_told_only_after_the_commit(
    make_application, reviewer, django_capture_on_commit_callbacks
):
    applied = make_application(ApplicationState.SUBMITTED)
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        submission_record(submission=applied.application, token=applied.token)
        assert not DBTaskResult.objects.exists()

    assert callbacks
