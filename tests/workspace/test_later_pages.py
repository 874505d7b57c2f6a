"""A later page of the listing (picked by a narrow query, then its rows read with their per-row columns) shows
exactly the rows the whole sorted listing has at that place, with the same per-row figures, whatever the sort."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cluster_pages.models import CityApplication
from workflows.models import Assessment
from workflows.services.assessments import assessment_give, assessments_request, criteria_for

from .test_query_counts import add_rows  # noqa: F401 - the fixture: city applications in every state


def listed(client, url) -> list:
    response = client.get(url)
    assert response.status_code == 200
    return list(response.context["object_list"])


@pytest.fixture
def assessed(add_rows, coordinator, reviewer, city_criteria):  # noqa: F811
    """55 applications, some submitted ones assessed by the reviewer with different scores (so the per-row
    assessment columns differ from row to row)."""
    add_rows(55)
    criteria = list(criteria_for(CityApplication))
    for number, application in enumerate(CityApplication.objects.filter(state="submitted").order_by("pk")):
        if number % 2:
            continue
        assessments_request(submission=application, reviewers=[reviewer], user=coordinator)
        assessment_give(
            submission=application,
            user=reviewer,
            scores={criterion.pk: 1 + number % 5 for criterion in criteria},
            recommendation="accept",
        )


@pytest.mark.parametrize("ordering", ["", "city", "-city", "-state", "submitted_at", "-assessment_mean"])
def test_pages_two_and_three_go_on_where_the_first_page_stops_with_their_own_figures(
    client, coordinator, assessed, city_urls, ordering
):
    client.force_login(coordinator)
    base = f"{city_urls.index()}?ordering={ordering}&" if ordering else f"{city_urls.index()}?"
    pages = [listed(client, f"{base}p={number}") for number in (1, 2, 3)]
    rows = [row for page in pages for row in page]
    assert [len(page) for page in pages] == [25, 25, 5]  # Wagtail's 25 rows a page
    assert len({row.pk for row in rows}) == 55, "a row shown twice or left out between pages"
    if ordering:
        key = ordering.removeprefix("-")
        values = [getattr(row, key) for row in rows]
        present = [value for value in values if value is not None]
        assert present == sorted(present, reverse=ordering.startswith("-"))
        assert values == present + [None] * (len(values) - len(present)), "rows without a value come last"
    assessed_rows = set(Assessment.objects.filter(given_at__isnull=False).values_list("object_id", flat=True))
    if ordering not in ("-state", "-assessment_mean"):  # those put every assessed (submitted) row first
        assert assessed_rows & {row.pk for row in pages[1] + pages[2]}, "the later pages hold assessed rows"
    for row in pages[1] + pages[2]:
        assert row.assessment_count == (1 if row.pk in assessed_rows else 0), row.pk


def test_a_later_page_asks_its_rows_by_the_ids_of_the_page_not_by_an_offset_over_every_row(
    client, coordinator, assessed, city_urls
):
    client.force_login(coordinator)
    with CaptureQueriesContext(connection) as captured:
        client.get(f"{city_urls.index()}?p=2")
    rows_query = next(query["sql"] for query in captured if "assessment_count" in query["sql"].lower())
    outer, _, inner = rows_query.partition(" IN (SELECT")
    assert inner, "the page's rows are not picked by their ids"
    assert "OFFSET" in inner and "OFFSET" not in outer
