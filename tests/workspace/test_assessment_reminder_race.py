"""Two reminder runs at once (two workers, or cron overlapping a slow run) send each reminder once: the request
row is locked, and the reminder row is unique per request and kind."""

import datetime

import pytest
import time_machine

from tests.concurrency import POSTGRES_RACE, run_at_once
from workflows.models import ApplicationState, AssessmentReminder, Notification
from workflows.services.assessment_reminders import assessment_reminders_send
from workflows.services.assessments import assessments_request

pytestmark = POSTGRES_RACE
S = ApplicationState


@pytest.fixture
def requests_(make_city_application, reviewer, coordinator):
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        return [
            assessments_request(
                submission=make_city_application(S.SUBMITTED, city=city),
                reviewers=[reviewer],
                user=coordinator,
                due_date=datetime.date(2026, 3, 10),
            )[0]
            for city in ("Seoul", "Busan", "Quito")
        ]


def test_two_runs_at_once_send_each_reminder_once(requests_):
    with time_machine.travel(datetime.datetime(2026, 3, 10, 9, tzinfo=datetime.UTC), tick=False):
        outcomes = run_at_once(assessment_reminders_send, assessment_reminders_send)
    assert all(isinstance(outcome, int) for outcome in outcomes), outcomes
    assert sum(outcomes) == 3
    assert AssessmentReminder.objects.count() == 3
    assert Notification.objects.filter(template="staff_assessment_reminder").count() == 3
