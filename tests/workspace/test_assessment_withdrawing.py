"""A coordinator withdraws a request still awaited, or re-assigns it to someone else (with a new due date);
both are logged, and a request given, declined or withdrawn cannot be withdrawn again."""

import datetime

from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment

S = ApplicationState


def withdraw_url(urls, row, request):
    return reverse(f"{urls.name}:assessment_withdraw", args=(row.pk, request.pk))


def test_withdrawing_ends_the_request_and_is_logged(
    client, make_city_application, reviewer, coordinator, assess, city_urls
):
    row = make_city_application(S.SUBMITTED)
    (request,) = assess.ask(row, [reviewer], coordinator)
    client.force_login(coordinator)
    assert withdraw_url(city_urls, row, request) in client.get(city_urls.inspect(row)).content.decode()
    response = client.post(withdraw_url(city_urls, row, request), {"replacement": ""})
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.withdrawn_at is not None and request.withdrawn_by == coordinator
    assert ModelLogEntry.objects.filter(action="workflow_forms.assessment_withdraw").count() == 1
    again = client.post(withdraw_url(city_urls, row, request), {"replacement": ""})
    assert again.status_code == 409


def test_re_assigning_asks_someone_else_with_a_new_due_date(
    client, make_city_application, reviewer, coordinator, assess, city_urls, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    other = UserFactory(username="reviewer-two", groups=["Reviewers"])
    (request,) = assess.ask(row, [reviewer], coordinator)
    client.force_login(coordinator)
    form = client.get(withdraw_url(city_urls, row, request)).content.decode()
    assert other.get_full_name() in form and f'value="{reviewer.pk}"' not in form
    due = datetime.date.today() + datetime.timedelta(days=7)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            withdraw_url(city_urls, row, request), {"replacement": other.pk, "due_date": due.isoformat()}
        )
    assert response.status_code == 302
    new = Assessment.objects.get(reviewer=other)
    assert new.due_date == due and new.withdrawn_at is None
    assert ModelLogEntry.objects.filter(action="workflow_forms.assessment_reassign").count() == 1


def test_a_refused_replacement_withdraws_nothing(
    client, make_city_application, reviewer, coordinator, assess, city_urls
):
    row = make_city_application(S.SUBMITTED)
    (request,) = assess.ask(row, [reviewer], coordinator)
    client.force_login(coordinator)
    response = client.post(withdraw_url(city_urls, row, request), {"replacement": 99999})
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.withdrawn_at is None


def test_only_coordinators_may_withdraw(client, make_city_application, reviewer, coordinator, assess, city_urls):
    row = make_city_application(S.SUBMITTED)
    (request,) = assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)
    response = client.post(withdraw_url(city_urls, row, request), {"replacement": ""})
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.withdrawn_at is None
