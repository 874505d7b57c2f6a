"""Someone with a declared conflict of interest with an application does not see its scores anywhere in the
listing: its "Assessed" and "Score" cells are blank, its export cells are empty, and the mean-score filter never
finds it (so stepping the number cannot reveal the mean)."""

import csv
import io

import pytest

from workflows.models import ApplicationState, AssessmentConflict
from workflows.selectors.records import records_filter

from .test_assessment_listing import cells, references

S = ApplicationState


@pytest.fixture
def rows(make_city_application, reviewer, coordinator, assess, city_criteria):
    conflicted = make_city_application(S.SUBMITTED, city="Seoul")
    clear = make_city_application(S.SUBMITTED, city="Busan")
    for row in (conflicted, clear):
        assess.ask(row, [reviewer], coordinator)
        assess.give(row, reviewer, city_criteria, (5, 4, 3))
    AssessmentConflict.objects.create(**records_filter(conflicted), user=coordinator, declared_by=coordinator)
    return {"conflicted": conflicted, "clear": clear}


def test_a_conflicted_users_listing_shows_no_count_or_score_for_that_row(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    html = client.get(city_urls.index()).content.decode()
    assert cells(html, rows["conflicted"].reference)[-2:] == ["", ""]
    assert cells(html, rows["clear"].reference)[-2:] == ["1", "4.0"]


def test_the_mean_score_filter_never_finds_a_row_the_user_has_a_conflict_with(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    for value in ("1", "4"):
        found = references(client.get(city_urls.index(), {"mean_score_at_least": value}).content.decode())
        assert found == [rows["clear"].reference]


def test_a_conflicted_users_export_leaves_that_rows_scores_empty(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index(), {"export": "csv"})
    table = {
        line["Reference"]: line for line in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    }
    hidden, shown = table[rows["conflicted"].reference], table[rows["clear"].reference]
    score_columns = [heading for heading in hidden if heading.startswith(("Mean score", "Assessments given"))]
    assert len(score_columns) == 5
    assert all(hidden[heading] == "" for heading in score_columns)
    assert shown["Mean score"] == "4.0" and shown["Assessments given"] == "1"
