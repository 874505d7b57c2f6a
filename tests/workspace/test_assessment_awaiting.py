"""An assessment requested from me and not given is in "Awaiting my action" (the filter and the dashboard,
which links straight to the form); once given, or once the application moved on, it is not."""

import re

import pytest

from workflows.models import ApplicationState

S = ApplicationState


@pytest.fixture
def row(make_city_application, city_criteria):
    """Assigned: a reviewer has no transition left on it that moves it on (only rejecting it)."""
    return make_city_application(S.ASSIGNED, city="Seoul")


def awaiting_references(client, urls):
    html = client.get(urls.index(), {"awaiting_my_action": "true"}).content.decode()
    table = html.split('id="listing-results"', 1)[1] if 'id="listing-results"' in html else ""
    return set(re.findall(r"CA-2026-\d{6}", table))


def test_a_requested_assessment_awaits_the_reviewer_until_given(
    client, row, reviewer, coordinator, assess, city_criteria, city_urls, move
):
    client.force_login(reviewer)
    assert row.reference not in awaiting_references(client, city_urls)

    assess.ask(row, [reviewer], coordinator)
    assert row.reference in awaiting_references(client, city_urls)
    dashboard = client.get("/admin/").content.decode()
    link = re.search(r'<a href="([^"]+)" data-awaiting-assessment>' + row.reference, dashboard)
    assert link and link.group(1) == f"/admin/applications/city-applications/assessment/{row.pk}/"

    assess.give(row, reviewer, city_criteria, (3, 3, 3))
    assert row.reference not in awaiting_references(client, city_urls)


def test_it_stops_awaiting_when_the_application_moves_on(client, row, reviewer, coordinator, assess, city_urls, move):
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)
    assert row.reference in awaiting_references(client, city_urls)
    move(row, "reject", coordinator, note="Out of scope")
    assert row.reference not in awaiting_references(client, city_urls)


def test_it_does_not_await_someone_else(client, row, reviewer, coordinator, assess, city_urls):
    assess.ask(row, [coordinator], coordinator)
    client.force_login(reviewer)
    assert row.reference not in awaiting_references(client, city_urls)
