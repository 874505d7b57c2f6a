"""The listing's "Assessments" and "Mean score" columns: the latest round's given assessments and their mean,
sortable and filterable, in a constant number of queries whatever the number of rows."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.models import ApplicationState

S = ApplicationState


@pytest.fixture
def rows(make_city_application, reviewer, coordinator, assess, city_criteria):
    seoul = make_city_application(city="Seoul")
    busan = make_city_application(city="Busan")
    quito = make_city_application(city="Quito")
    for row, scores in ((seoul, (5, 4, 3)), (busan, (2, 2, 2))):
        assess.ask(row, [reviewer, coordinator], coordinator)
        assess.give(row, reviewer, city_criteria, scores)
    assess.give(seoul, coordinator, city_criteria, (3, 3, 3))
    return {"seoul": seoul, "busan": busan, "quito": quito}


def references(html):
    """The listing's references, in order (each appears several times in its row)."""
    table = html.split('id="listing-results"', 1)[1]
    return list(dict.fromkeys(re.findall(r"CA-2026-\d{6}", table)))


def cells(html, reference):
    row = html.split(reference, 1)[1].split("</tr>")[0]
    return [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]


def test_each_row_shows_its_count_and_mean(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    html = client.get(city_urls.index()).content.decode()
    assert "Assessments" in html and "Mean score" in html
    assert cells(html, rows["seoul"].reference)[-2:] == ["2", "3.5"]  # (5+4+3+3+3+3) / 6
    assert cells(html, rows["busan"].reference)[-2:] == ["1", "2.0"]
    assert cells(html, rows["quito"].reference)[-2:] == ["0", ""]


def test_sorting_by_mean_and_by_count(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    by_mean = references(client.get(city_urls.index(), {"ordering": "-assessment_mean"}).content.decode())
    assert by_mean.index(rows["seoul"].reference) < by_mean.index(rows["busan"].reference)
    by_count = references(client.get(city_urls.index(), {"ordering": "assessment_count"}).content.decode())
    assert by_count[0] == rows["quito"].reference and by_count[-1] == rows["seoul"].reference


@pytest.mark.parametrize("ordering", ["-assessment_mean", "assessment_mean"])
def test_rows_without_a_mean_come_last_either_way_on_every_database(client, coordinator, rows, city_urls, ordering):
    """PostgreSQL sorts NULL first when sorting down: the best-scored row must still lead "-assessment_mean"."""
    client.force_login(coordinator)
    order = references(client.get(city_urls.index(), {"ordering": ordering}).content.decode())
    assert order[-1] == rows["quito"].reference
    best_first = [rows["seoul"].reference, rows["busan"].reference]
    assert order[:2] == (best_first if ordering.startswith("-") else best_first[::-1])


def test_filtering_by_assessments_and_mean_score(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    none = references(client.get(city_urls.index(), {"assessments": "none"}).content.decode())
    assert none == [rows["quito"].reference]
    some = references(client.get(city_urls.index(), {"assessments": "some"}).content.decode())
    assert sorted(some) == sorted([rows["seoul"].reference, rows["busan"].reference])
    good = references(client.get(city_urls.index(), {"mean_score_at_least": "3"}).content.decode())
    assert good == [rows["seoul"].reference]


def test_a_mean_score_filter_out_of_range_is_an_error_not_a_500(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index(), {"mean_score_at_least": "9"})
    assert response.status_code == 200
    assert "Ensure this value is less than or equal to 5" in response.content.decode()


def test_the_listing_query_count_stays_the_same_with_assessed_rows(
    client, coordinator, reviewer, make_city_application, assess, city_criteria, city_urls
):
    def add(count):
        for number in range(count):
            row = make_city_application(city=f"City {number}")
            assess.ask(row, [reviewer], coordinator)
            assess.give(row, reviewer, city_criteria, (number % 5 + 1, 3, 4))

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(city_urls.index()).status_code == 200
        return len(captured)

    client.force_login(coordinator)
    add(3)
    client.get(city_urls.index())
    small = queries()
    add(20)
    assert queries() == small
