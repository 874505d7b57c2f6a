"""A request has a due date: the kind's default (a setting) or the coordinator's choice, a date in the site's
time zone, stated in the request mail in the reviewer's language; one that has passed is refused."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.test import override_settings
from django.utils import formats
from wagtail.users.models import UserProfile

from workflows.exceptions import MissingTransitionInput
from workflows.models import ApplicationState, Assessment, Notification
from workflows.services.assessments import assessments_request

from .conftest import assessment_request_url

S = ApplicationState
SEOUL = ZoneInfo("Asia/Seoul")


def test_a_request_without_a_date_is_due_after_the_kinds_default(make_city_application, reviewer, coordinator, assess):
    row = make_city_application(S.SUBMITTED)
    with time_machine.travel(datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC), tick=False):
        (request,) = assess.ask(row, [reviewer], coordinator)
    assert request.due_date == datetime.date(2026, 3, 17)


@override_settings(WORKFLOW_FORMS_ASSESSMENT_DUE_DAYS={"cluster_pages.CityApplication": 21, "*": 10})
def test_the_default_is_set_per_kind(make_city_application, make_company_registration, reviewer, coordinator, assess):
    with time_machine.travel(datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC), tick=False):
        (city,) = assess.ask(make_city_application(S.SUBMITTED), [reviewer], coordinator)
        (company,) = assess.ask(make_company_registration(S.SUBMITTED), [reviewer], coordinator)
    assert city.due_date == datetime.date(2026, 3, 24)
    assert company.due_date == datetime.date(2026, 3, 13)


@override_settings(TIME_ZONE="Asia/Seoul")
@pytest.mark.parametrize(
    ("seoul_time", "due"),
    [
        (datetime.datetime(2026, 3, 3, 23, 59, tzinfo=SEOUL), datetime.date(2026, 3, 17)),
        # Still 3 March in UTC (15:01), already the 4th in Seoul: the site's day counts.
        (datetime.datetime(2026, 3, 4, 0, 1, tzinfo=SEOUL), datetime.date(2026, 3, 18)),
    ],
)
def test_the_default_counts_days_in_the_sites_time_zone(
    make_city_application, reviewer, coordinator, assess, seoul_time, due
):
    row = make_city_application(S.SUBMITTED)
    with time_machine.travel(seoul_time, tick=False):
        (request,) = assess.ask(row, [reviewer], coordinator)
    assert request.due_date == due


def test_a_due_date_that_has_passed_is_refused_and_nothing_is_asked(make_city_application, reviewer, coordinator):
    row = make_city_application(S.SUBMITTED)
    with pytest.raises(MissingTransitionInput) as refused:
        assessments_request(submission=row, reviewers=[reviewer], user=coordinator, due_date=datetime.date(2020, 1, 1))
    assert "due_date" in refused.value.field_errors
    assert not Assessment.objects.exists()


def test_the_coordinator_chooses_the_date_on_the_form_and_the_mail_states_it(
    client, users, make_city_application, city_urls, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    client.force_login(users["coordinator"])
    form = client.get(assessment_request_url(city_urls, row)).content.decode()
    assert 'type="date"' in form and 'name="due_date"' in form
    due = datetime.date.today() + datetime.timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            assessment_request_url(city_urls, row), {"reviewers": [users["reviewer"].pk], "due_date": due.isoformat()}
        )
    assert response.status_code == 302
    assert Assessment.objects.get().due_date == due
    (sent,) = [message for message in mail.outbox if message.to == [users["reviewer"].email]]
    assert f"Please give it by {formats.date_format(due)}." in " ".join(sent.body.split())


def test_a_past_date_on_the_form_is_an_error_that_keeps_the_choice(client, users, make_city_application, city_urls):
    row = make_city_application(S.SUBMITTED)
    client.force_login(users["coordinator"])
    response = client.post(
        assessment_request_url(city_urls, row), {"reviewers": [users["reviewer"].pk], "due_date": "2020-01-01"}
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "has passed" in html and 'value="2020-01-01"' in html
    assert not Assessment.objects.exists()


def test_the_mail_states_the_date_in_the_reviewers_language(make_city_application, reviewer, coordinator, assess):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "ko"
    profile.save()
    row = make_city_application(S.SUBMITTED)
    with time_machine.travel(datetime.datetime(2026, 3, 3, 9, 0, tzinfo=datetime.UTC), tick=False):
        assess.ask(row, [reviewer], coordinator)
    notification = Notification.objects.get(template="staff_assessment_requested")
    assert notification.context["due_date"] == "2026년 3월 17일"


def test_the_bulk_request_takes_one_due_date_for_every_row(
    client, users, make_city_application, city_urls, django_capture_on_commit_callbacks
):
    rows = [make_city_application(S.SUBMITTED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(users["coordinator"])
    due = datetime.date.today() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            assessment_request_url(city_urls),
            {"id": [row.pk for row in rows], "reviewers": [users["reviewer"].pk], "due_date": due.isoformat()},
        )
    assert response.status_code == 302
    assert list(Assessment.objects.values_list("due_date", flat=True)) == [due, due]
