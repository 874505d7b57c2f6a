"""The "Pipeline" report screen in Wagtail's Reports menu: who may open it and download its CSV files, what
each sees, and that its queries do not grow with the applications."""

import csv
import io

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory
from tests.workspace.pipeline_history import REPORT_DAY, history_fixture  # noqa: F401
from workflows.tokens import token_generate, token_hash

URL = "/admin/reports/pipeline/"
PERIOD = {"start": "2026-03-02", "end": "2026-03-29"}
SLUGS = ("states", "funnel", "time-per-kind", "time-per-target", "reviewers", "scores")

# What each role gets, for the screen and for one of its CSV files: the page, the login form, or Wagtail's
# refusal (back to the dashboard, which says "Sorry, you do not have permission to access this area").
MATRIX = {
    "anonymous": ("login", "login"),
    "applicant with a status link": ("login", "login"),
    "editor": ("refused", "refused"),
    "reviewer asked": ("refused", "refused"),
    "reviewer not asked": ("refused", "refused"),
    "reviewer who declined with a conflict": ("refused", "refused"),
    "leader of this cluster": (200, 200),
    "leader of another cluster": (200, 200),
    "coordinator": (200, 200),
}


def outcome(response):
    if response.status_code == 302:
        return "login" if "/login/" in response.url else "refused" if response.url == "/admin/" else response.url
    return response.status_code


@pytest.fixture
def who(history, editor, coordinator, leader, other_leader):
    return {
        "anonymous": None,
        "applicant with a status link": None,
        "editor": editor,
        "reviewer asked": history.reviewers[1],
        "reviewer not asked": UserFactory(username="reviewer-unasked", groups=["Reviewers"]),
        "reviewer who declined with a conflict": history.reviewers[2],
        "leader of this cluster": leader,
        "leader of another cluster": other_leader,
        "coordinator": coordinator,
    }


def get(client, params=None):
    with time_machine.travel(REPORT_DAY, tick=False):
        return client.get(URL, {**PERIOD, **(params or {})})


@pytest.mark.parametrize("role", list(MATRIX))
def test_who_may_open_the_reports(client, role, who, history):
    if who[role] is not None:
        client.force_login(who[role])
    elif role == "applicant with a status link":
        token = token_generate()
        type(history.d).objects.filter(pk=history.d.pk).update(status_token_hash=token_hash(token))
        # The applicant opens their own status page: it gives no staff session.
        assert client.get(f"/applications/status/{token}/", follow=True).status_code == 200
    outcomes = (outcome(get(client)), outcome(get(client, {"download": "funnel"})))
    assert outcomes == MATRIX[role]


def test_the_reports_menu_offers_it_to_coordinators_and_leaders_only(client, who):
    for role, expected in (("coordinator", True), ("leader of this cluster", True), ("reviewer not asked", False)):
        client.force_login(who[role])
        shown = URL in client.get(reverse("wagtailadmin_home")).content.decode()
        assert shown is expected, role


def test_the_coordinator_sees_every_report_with_a_table_and_a_csv_link(client, coordinator, history):
    client.force_login(coordinator)
    page = get(client).content.decode()
    for slug in ("states", "funnel", "time-per-kind", "reviewers", "scores"):
        assert f'id="report-{slug}"' in page
        assert f"download={slug}" in page
    assert page.count("<svg") >= 5
    assert page.count('<caption id="report-') == 5
    assert "Rev Y" in page and "Smart Mobility" in page


def test_a_leader_is_told_the_reports_count_their_clusters_only(client, leader, other_leader, history):
    client.force_login(other_leader)
    page = get(client).content.decode()
    assert "only the applications assigned to what you lead" in page
    assert "Rev X" not in page


@pytest.mark.parametrize("slug", SLUGS)
def test_each_csv_has_the_tables_figures(client, coordinator, history, slug):
    client.force_login(coordinator)
    response = get(client, {"download": slug})
    assert response["Content-Type"].startswith("text/csv")
    assert f"pipeline-{slug}-2026-03-02-2026-03-29.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert len(rows) > 1


def test_the_funnel_csv(client, coordinator, history):
    client.force_login(coordinator)
    rows = list(csv.reader(io.StringIO(get(client, {"download": "funnel"}).content.decode())))
    assert rows[1:] == [
        ["submitted", "3", "", "0", "1", "0"],
        ["reviewed", "1", "0.3333", "0", "0", "0"],
        ["assigned", "1", "1.0", "0", "0", "0"],
        ["active", "1", "1.0", "0", "0", "0"],
    ]


def test_an_unknown_download_or_a_period_backwards_is_not_found_or_explained(client, coordinator, history):
    client.force_login(coordinator)
    assert get(client, {"download": "everything"}).status_code == 404
    backwards = get(client, {"start": "2026-03-29", "end": "2026-03-02"})
    assert backwards.status_code == 200
    assert "The period must end on or after the day it starts." in backwards.content.decode()
    assert get(client, {"start": "2026-03-29", "end": "2026-03-02", "download": "funnel"}).status_code == 404
    assert get(client, {"start": "not a date"}).status_code == 200


def test_the_reports_queries_do_not_grow_with_the_applications(client, coordinator, history, make_city_application):
    client.force_login(coordinator)
    get(client)  # warm the content types and the session

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert get(client).status_code == 200
        return len(captured)

    before = queries()
    for number in range(5):
        make_city_application(city=f"Extra{number}", email=f"extra{number}@city.example")
    assert queries() == before
    assert before <= 30
