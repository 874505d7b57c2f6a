"""Reminders: one a few days before the due date and one on the day, to reviewers who have not assessed; none
after the assessment is given, the request is declined or withdrawn, or the round closes; never twice. Days
are the site's time zone's, also around midnight."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings

from workflows.models import ApplicationState, AssessmentReminder, Notification
from workflows.services.assessment_reminders import assessment_reminders_send
from workflows.services.assessment_requests import assessment_decline, assessment_withdraw
from workflows.services.assessments import assessments_request

S = ApplicationState
SEOUL = ZoneInfo("Asia/Seoul")
REQUESTED = datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC)
DUE = datetime.date(2026, 3, 10)


def at(day: int, hour: int = 9, minute: int = 0, tz=datetime.UTC):
    return time_machine.travel(datetime.datetime(2026, 3, day, hour, minute, tzinfo=tz), tick=False)


@pytest.fixture
def request_(make_city_application, reviewer, coordinator, django_capture_on_commit_callbacks):
    row = make_city_application(S.SUBMITTED)
    with time_machine.travel(REQUESTED, tick=False), django_capture_on_commit_callbacks(execute=True):
        (made,) = assessments_request(submission=row, reviewers=[reviewer], user=coordinator, due_date=DUE)
    return made


def reminders(kind=None):
    queued = Notification.objects.filter(template="staff_assessment_reminder")
    return [n.context["reminder_kind"] for n in queued] if kind is None else queued.filter(context__reminder_kind=kind)


def send(day, hour=9, tz=datetime.UTC, minute=0):
    with at(day, hour, minute, tz):
        return assessment_reminders_send()


def test_none_before_the_window_then_one_three_days_before_then_one_on_the_day(request_, reviewer):
    assert send(6) == 0
    assert send(7) == 1
    assert send(8) == 0 and send(9) == 0
    assert send(10) == 1
    assert send(11) == 0
    assert reminders() == ["before", "due"]
    notification = Notification.objects.filter(template="staff_assessment_reminder").first()
    assert notification.recipient_email == reviewer.email
    assert notification.context["due_date"] == "March 10, 2026"


def test_running_twice_sends_nothing_more(request_):
    assert send(7) == 1
    assert send(7) == 0
    assert AssessmentReminder.objects.count() == 1


def test_a_late_run_in_the_window_still_reminds_once(request_):
    assert send(9) == 1
    assert reminders() == ["before"]


def test_no_reminder_after_the_assessment_is_given(request_, make_city_application, reviewer, assess, city_criteria):
    assess.give(request_.submission, reviewer, city_criteria, [3, 3, 3])
    assert send(7) == 0 and send(10) == 0


def test_no_reminder_after_declining_or_withdrawal(request_, reviewer, coordinator):
    assessment_decline(submission=request_.submission, user=reviewer, reason="unavailable")
    assert send(7) == 0 and send(10) == 0


def test_no_reminder_after_a_coordinator_withdraws_it(request_, coordinator):
    assessment_withdraw(assessment=request_, user=coordinator)
    assert send(10) == 0


def test_no_reminder_once_the_round_closes(request_, coordinator, move):
    move(request_.submission, "review", coordinator)
    assert send(7) == 0 and send(10) == 0


def test_a_request_made_inside_the_window_gets_only_the_days_reminder(
    make_city_application, reviewer, coordinator, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    with at(8), django_capture_on_commit_callbacks(execute=True):
        assessments_request(submission=row, reviewers=[reviewer], user=coordinator, due_date=DUE)
    assert send(9) == 0
    assert send(10) == 1 and reminders() == ["due"]


@override_settings(TIME_ZONE="Asia/Seoul")
def test_reminders_fire_on_the_sites_day_around_midnight(request_):
    # 6 March 23:59 in Seoul: the window (from the 7th) has not opened.
    assert send(6, 23, SEOUL, 59) == 0
    # 00:01 on the 7th in Seoul is still the 6th in UTC: the site's day counts.
    assert send(7, 0, SEOUL, 1) == 1
    assert send(9, 23, SEOUL, 59) == 0
    assert send(10, 0, SEOUL, 1) == 1
    assert reminders() == ["before", "due"]


@override_settings(WORKFLOW_FORMS_ASSESSMENT_REMINDER_DAYS=5)
def test_the_lead_time_is_a_setting(request_):
    assert send(4) == 0
    assert send(5) == 1


def test_the_command_sends_them_and_says_how_many(request_, capsys):
    with at(7):
        call_command("send_assessment_reminders")
    assert "1 reminder(s) queued." in capsys.readouterr().out
    call_command("send_assessment_reminders", "--date", "2026-03-10", verbosity=0)
    assert reminders() == ["before", "due"]


def test_the_command_refuses_a_date_it_cannot_read(db):
    with pytest.raises(CommandError, match="not a date"):
        call_command("send_assessment_reminders", "--date", "10/03/2026")
