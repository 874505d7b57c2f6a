"""Who may open and post the screens around a request (decline, withdraw or re-assign, record a conflict): the
permission matrix over anonymous visitors, an editor, a reviewer asked / not asked / who declined with a
conflict, the leaders of this application's cluster and of another, and a coordinator. A refusal is a 403
that says why (or the login page, or a 404 for a row the user may not see), never a 500."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment, AssessmentConflict
from workflows.services.assessment_requests import assessment_decline

S = ApplicationState

# What each role gets on GET: (decline, withdraw or re-assign, record a conflict)
MATRIX = {
    "anonymous": (302, 302, 302),
    "editor": (302, 302, 302),
    "reviewer asked": (200, 403, 403),
    "reviewer not asked": (403, 403, 403),
    "reviewer who declined with a conflict": (403, 403, 403),
    "leader of this cluster": (403, 403, 403),
    "leader of another cluster": (404, 404, 404),
    "coordinator": (403, 200, 200),
}


@pytest.fixture
def row(make_city_application):
    return make_city_application(S.ASSIGNED)


@pytest.fixture
def who(users, row, assess, coordinator):
    asked = users["reviewer"]
    conflicted = UserFactory(username="reviewer-conflicted", groups=["Reviewers"])
    assess.ask(row, [asked, conflicted], coordinator)
    assessment_decline(submission=row, user=conflicted, reason="conflict_of_interest")
    return {
        "anonymous": None,
        "editor": users["editor"],
        "reviewer asked": asked,
        "reviewer not asked": UserFactory(username="reviewer-two", groups=["Reviewers"]),
        "reviewer who declined with a conflict": conflicted,
        "leader of this cluster": users["leader"],
        "leader of another cluster": users["other_leader"],
        "coordinator": users["coordinator"],
    }


def urls(city_urls, row, users):
    request = Assessment.objects.get(reviewer=users["reviewer"])
    return (
        reverse(f"{city_urls.name}:assessment_decline", args=(row.pk,)),
        reverse(f"{city_urls.name}:assessment_withdraw", args=(row.pk, request.pk)),
        reverse(f"{city_urls.name}:assessment_conflict", args=(row.pk,)),
    )


def login(client, user):
    if user is not None:
        client.force_login(user)


@pytest.mark.parametrize("role", list(MATRIX))
def test_opening_the_request_screens(client, role, who, row, city_urls, users):
    login(client, who[role])
    statuses = tuple(client.get(url).status_code for url in urls(city_urls, row, users))
    assert statuses == MATRIX[role]


@pytest.mark.parametrize("role", [r for r in MATRIX if r != "reviewer asked"])
def test_only_the_asked_reviewer_may_decline(client, role, who, row, city_urls, users):
    login(client, who[role])
    decline, _withdraw, _conflict = urls(city_urls, row, users)
    response = client.post(decline, {"reason": "unavailable"})
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/login/" in response.url or response.url.rstrip("/").endswith("/admin")
    assert Assessment.objects.get(reviewer=users["reviewer"]).declined_at is None


@pytest.mark.parametrize("role", [r for r in MATRIX if r != "coordinator"])
def test_only_a_coordinator_may_withdraw_or_record_a_conflict(client, role, who, row, city_urls, users):
    login(client, who[role])
    _decline, withdraw, conflict = urls(city_urls, row, users)
    assert client.post(withdraw, {"replacement": ""}).status_code in (302, 403, 404)
    assert client.post(conflict, {"person": users["reviewer"].pk}).status_code in (302, 403, 404)
    assert Assessment.objects.get(reviewer=users["reviewer"]).withdrawn_at is None
    assert not AssessmentConflict.objects.filter(user=users["reviewer"]).exists()


def test_the_refusal_for_a_conflict_says_why(client, who, row, city_urls, users):
    login(client, who["reviewer who declined with a conflict"])
    decline, _withdraw, _conflict = urls(city_urls, row, users)
    for url in (decline, reverse(f"{city_urls.name}:assessment", args=(row.pk,))):
        response = client.get(url)
        assert response.status_code == 403
        assert "You declared a conflict of interest with this application" in response.content.decode()
