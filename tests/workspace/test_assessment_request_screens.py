"""Requesting assessments from the inspect page and from the listing's bulk-action footer: the reviewers who
may be picked, one request per reviewer per round, and a reviewer who may not assess a row left out of it."""

from django.contrib.messages import get_messages
from django.core import mail

from workflows.models import ApplicationState, Assessment

from .conftest import assessment_request_url

S = ApplicationState


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_the_inspect_page_offers_the_request_to_coordinators_only(client, users, make_city_application, city_urls):
    row = make_city_application(S.SUBMITTED)
    client.force_login(users["coordinator"])
    assert "data-request-assessments" in client.get(city_urls.inspect(row)).content.decode()
    client.force_login(users["reviewer"])
    assert "data-request-assessments" not in client.get(city_urls.inspect(row)).content.decode()


def test_a_coordinator_requests_from_the_inspect_page_and_the_reviewer_gets_a_link(
    client, users, make_city_application, city_urls, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    client.force_login(users["coordinator"])
    form = client.get(assessment_request_url(city_urls, row)).content.decode()
    assert users["reviewer"].get_full_name() in form and users["editor"].get_full_name() not in form
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(assessment_request_url(city_urls, row), {"reviewers": [users["reviewer"].pk]})
    assert response.status_code == 302 and response.url.endswith("#assessments")
    assert Assessment.objects.get().reviewer == users["reviewer"]
    (sent,) = [message for message in mail.outbox if message.to == [users["reviewer"].email]]
    assert f"/admin/applications/city-applications/assessment/{row.pk}/" in sent.body
    again = client.post(assessment_request_url(city_urls, row), {"reviewers": [users["reviewer"].pk]}, follow=True)
    assert Assessment.objects.count() == 1
    assert "already been asked" in " ".join(messages_of(again))


def test_choosing_nobody_is_an_error(client, users, make_city_application, city_urls):
    row = make_city_application(S.SUBMITTED)
    client.force_login(users["coordinator"])
    response = client.post(assessment_request_url(city_urls, row), {})
    assert response.status_code == 400
    assert "Choose at least one reviewer." in response.content.decode()


def test_the_footer_offers_the_request_on_rows_where_it_is_possible(client, users, make_city_application, city_urls):
    open_row = make_city_application(S.SUBMITTED, city="Seoul")
    ended = make_city_application(S.ENDED, city="Quito")
    client.force_login(users["coordinator"])
    html = client.get(city_urls.index()).content.decode()
    assert 'data-bulk-transition="request-assessments"' in html
    boxes = {row.pk: html.split(f'data-object-id="{row.pk}"', 1)[1].split(">", 1)[0] for row in (open_row, ended)}
    assert "request-assessments" in boxes[open_row.pk] and "request-assessments" not in boxes[ended.pk]
    client.force_login(users["reviewer"])
    assert 'data-bulk-transition="request-assessments"' not in client.get(city_urls.index()).content.decode()


def test_bulk_request_asks_each_reviewer_where_they_may_assess(
    client, users, make_city_application, city_urls, clusters
):
    mine = make_city_application(S.ASSIGNED, city="Seoul")  # Smart Mobility: the leader's cluster
    other = make_city_application(S.ASSIGNED, city="Lisbon", assigned_to=clusters.water)
    ended = make_city_application(S.ENDED, city="Quito")
    client.force_login(users["coordinator"])
    url = assessment_request_url(city_urls) + f"?id={mine.pk}&id={other.pk}&id={ended.pk}"
    page = client.get(url).content.decode()
    assert users["leader"].get_full_name() in page  # offered: they may assess one of the rows
    response = client.post(
        url,
        {"id": [mine.pk, other.pk, ended.pk], "reviewers": [users["reviewer"].pk, users["leader"].pk]},
        follow=True,
    )
    assert set(Assessment.objects.values_list("object_id", "reviewer__username")) == {
        (mine.pk, users["reviewer"].username),
        (mine.pk, users["leader"].username),
        (other.pk, users["reviewer"].username),
        (ended.pk, users["reviewer"].username),
    } - {(ended.pk, users["reviewer"].username)}
    report = " ".join(messages_of(response))
    assert "3 assessments requested" in report
    assert f"{other.reference} — " in report and ended.reference in report


def test_no_request_is_offered_once_no_staff_decision_is_left(client, users, make_city_application, city_urls):
    ended = make_city_application(S.ENDED)
    client.force_login(users["coordinator"])
    assert "data-request-assessments" not in client.get(city_urls.inspect(ended)).content.decode()
    response = client.get(assessment_request_url(city_urls, ended))
    assert response.status_code == 409
    assert "Assessments cannot be requested while the application is “Ended”." in response.content.decode()
