"""A coordinator with a declared conflict of interest with an application cannot steer its assessment: asking,
withdrawing, re-assigning and recording conflicts for others are all refused with a page that says why."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment, AssessmentConflict
from workflows.selectors.records import records_filter

from .conftest import assessment_request_url
from .test_assessment_declining import conflict_url, text

S = ApplicationState
WHY = "You declared a conflict of interest with this application"


@pytest.fixture
def row(make_city_application, reviewer, coordinator, assess):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    AssessmentConflict.objects.create(**records_filter(row), user=coordinator, declared_by=coordinator)
    return row


def test_a_conflicted_coordinator_cannot_withdraw_or_reassign_a_request(client, coordinator, row, city_urls):
    other = UserFactory(username="reviewer-two", groups=["Reviewers"])
    request = Assessment.objects.get()
    url = reverse(f"{city_urls.name}:assessment_withdraw", args=(row.pk, request.pk))
    client.force_login(coordinator)
    for response in (client.get(url), client.post(url, {"replacement": other.pk})):
        assert response.status_code == 403
        assert WHY in text(response)
    assert Assessment.objects.get().withdrawn_at is None and not Assessment.objects.filter(reviewer=other).exists()


def test_a_conflicted_coordinator_cannot_ask_for_assessments(client, coordinator, row, city_urls):
    other = UserFactory(username="reviewer-two", groups=["Reviewers"])
    client.force_login(coordinator)
    response = client.post(assessment_request_url(city_urls, row), {"reviewers": [other.pk]})
    assert response.status_code == 403
    assert WHY in text(response)
    assert not Assessment.objects.filter(reviewer=other).exists()


def test_a_conflicted_coordinator_cannot_record_a_conflict_for_someone_else(
    client, coordinator, reviewer, row, city_urls
):
    client.force_login(coordinator)
    response = client.post(conflict_url(city_urls, row), {"person": reviewer.pk, "note": "Heard it."})
    assert response.status_code == 403
    assert WHY in text(response)
    assert not AssessmentConflict.objects.filter(user=reviewer).exists()
    assert Assessment.objects.get().withdrawn_at is None
