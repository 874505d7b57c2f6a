"""Overdue requests (awaited past their due date, a date in the site's time zone) show on the inspect page, in
the listing's "Assessment overdue" filter and "Late" column, and in the "Awaiting your action" of the reviewer
and of the coordinator who asked."""

import datetime

import pytest
import time_machine

from cluster_pages.models import CityApplication
from workflows.models import ApplicationState, Assessment
from workflows.selectors.assessments import awaiting_assessment_q
from workflows.services.assessment_requests import assessment_decline
from workflows.services.assessments import assessments_request

from .test_assessment_listing import references

S = ApplicationState


@pytest.fixture
def rows(make_city_application, reviewer, coordinator, assess):
    """Seoul: asked, due 10 March (overdue from the 11th); Busan: asked and given in time; Quito: never asked."""
    seoul = make_city_application(city="Seoul")
    busan = make_city_application(city="Busan")
    quito = make_city_application(city="Quito")
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, 0, tzinfo=datetime.UTC), tick=False):
        for row in (seoul, busan):
            assessments_request(
                submission=row, reviewers=[reviewer], user=coordinator, due_date=datetime.date(2026, 3, 10)
            )
    Assessment.objects.filter(object_id=busan.pk).update(given_at=datetime.datetime(2026, 3, 2, tzinfo=datetime.UTC))
    return {"seoul": seoul, "busan": busan, "quito": quito}


def on(day):
    return time_machine.travel(datetime.datetime(2026, 3, day, 12, 0, tzinfo=datetime.UTC), tick=False)


def test_the_filter_finds_the_overdue_rows_only_after_the_due_date(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    with on(10):
        assert references(client.get(city_urls.index(), {"assessment_overdue": "true"}).content.decode()) == []
    with on(11):
        found = references(client.get(city_urls.index(), {"assessment_overdue": "true"}).content.decode())
        others = references(client.get(city_urls.index(), {"assessment_overdue": "false"}).content.decode())
    assert found == [rows["seoul"].reference]
    assert set(others) == {rows["busan"].reference, rows["quito"].reference}


def test_the_column_counts_the_overdue_requests(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    with on(11):
        html = client.get(city_urls.index()).content.decode()
    assert "Requests past their due date" in html
    assert html.count('data-overdue="1"') == 1
    assert "1 assessment overdue" in html


def test_the_inspect_page_marks_the_request_overdue(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    with on(11):
        html = client.get(city_urls.inspect(rows["seoul"])).content.decode()
    assert 'data-request-state="overdue"' in html and "due on March 10, 2026" in html


def test_overdue_rows_await_the_coordinator_who_asked(client, coordinator, rows, city_urls, make_city_application):
    client.force_login(coordinator)
    with on(11):
        awaiting = references(client.get(city_urls.index(), {"awaiting_my_action": "true"}).content.decode())
    assert rows["seoul"].reference in awaiting


def test_a_declined_request_no_longer_awaits_the_reviewer(reviewer, rows):
    def awaited():
        return set(CityApplication.objects.filter(awaiting_assessment_q(model=CityApplication, user=reviewer)))

    assert rows["seoul"] in awaited()
    assessment_decline(submission=rows["seoul"], user=reviewer, reason="unavailable")
    assert rows["seoul"] not in awaited()


def test_the_dashboard_lists_the_overdue_row_for_the_coordinator_and_links_its_page(
    client, coordinator, rows, city_urls
):
    client.force_login(coordinator)
    with on(11):
        html = client.get("/admin/").content.decode()
    item = html.split(f">{rows['seoul'].reference}</a>", 1)
    assert len(item) == 2, "the overdue row is among the rows awaiting the coordinator"
    assert f'href="{city_urls.inspect(rows["seoul"])}"' in item[0].rsplit("<li>", 1)[1]
    assert "data-awaiting-overdue" in item[1].split("</li>", 1)[0]
