"""Why a reviewer declined (a conflict of interest, or not available) is for coordinators and that reviewer only:
leaders and other reviewers read "Declined" on the inspect page, and the history says only that the request was
declined, without any "Conflict of interest declared" entry."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment

from .test_assessment_declining import decline_url, text

S = ApplicationState


@pytest.fixture
def declined(client, make_city_application, reviewer, coordinator, assess, city_urls):
    row = make_city_application(S.ASSIGNED)
    other = UserFactory(username="reviewer-two", groups=["Reviewers"])
    assess.ask(row, [reviewer, other], coordinator)
    client.force_login(reviewer)
    client.post(decline_url(city_urls, row), {"reason": "conflict_of_interest", "note": "Former employer."})
    return row, other


def request_line(client, urls, row, reviewer) -> str:
    html = client.get(urls.inspect(row)).content.decode()
    pk = Assessment.objects.get(reviewer=reviewer).pk
    return " ".join(html.split(f'data-assessment="{pk}"', 1)[1].split("</li>", 1)[0].split())


def history(client, urls, row) -> str:
    return text(client.get(reverse(f"{urls.name}:history", args=(row.pk,))))


def test_leaders_and_other_reviewers_read_declined_without_the_reason(client, declined, reviewer, leader, city_urls):
    row, other = declined
    for viewer in (leader, other):
        client.force_login(viewer)
        line = request_line(client, city_urls, row, reviewer)
        assert 'data-request-state="declined"' in line
        assert "Conflict of interest" not in line and "Not available" not in line


def test_coordinators_read_why_a_request_was_declined(client, declined, reviewer, coordinator, city_urls):
    row, _other = declined
    client.force_login(coordinator)
    assert "Conflict of interest" in request_line(client, city_urls, row, reviewer)


def test_the_history_says_declined_and_shows_no_declaration_to_leaders_or_other_reviewers(
    client, declined, leader, coordinator, city_urls
):
    row, other = declined
    for viewer in (leader, other):
        client.force_login(viewer)
        page = history(client, city_urls, row)
        assert "declined the assessment request" in page
        assert "Conflict of interest" not in page and "conflict of interest" not in page
    client.force_login(coordinator)
    page = history(client, city_urls, row)
    assert "Conflict of interest declared" in page
    assert "declined the assessment request: Conflict of interest" not in page
