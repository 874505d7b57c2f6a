"""Who may open and post each assessment screen: the permission matrix over the request form, the assessment
form and the criteria, for anonymous visitors, the roles, a reviewer asked and one not asked, and the leaders
of this application's cluster and of another. A refusal is a 403 (or the login page), never a 500."""

import pytest
from django.urls import reverse

from workflows.models import ApplicationState, Assessment

from .conftest import assessment_request_url, assessment_url

S = ApplicationState


@pytest.fixture
def row(make_city_application):
    """Assigned to Smart Mobility, which ``leader`` leads and ``other_leader`` does not."""
    return make_city_application(S.ASSIGNED)


@pytest.fixture
def asked_reviewer(row, reviewer, coordinator, assess, city_criteria):
    assess.ask(row, [reviewer], coordinator)
    return reviewer


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


# What each role gets: (request form GET, assessment form GET)
MATRIX = {
    "anonymous": (302, 302),
    "editor": (302, 302),  # no admin area for applications: Wagtail sends them home
    "reviewer asked": (403, 200),
    "reviewer not asked": (403, 403),
    "leader of this cluster": (403, 403),
    "leader of another cluster": (404, 404),
    "coordinator": (200, 403),
}


@pytest.fixture
def who(request, users, asked_reviewer):
    from tests.factories import UserFactory

    return {
        "anonymous": None,
        "editor": users["editor"],
        "reviewer asked": asked_reviewer,
        "reviewer not asked": UserFactory(username="reviewer-two", groups=["Reviewers"]),
        "leader of this cluster": users["leader"],
        "leader of another cluster": users["other_leader"],
        "coordinator": users["coordinator"],
    }


@pytest.mark.parametrize("role", list(MATRIX))
def test_opening_the_assessment_screens(client, role, who, row, city_urls):
    login(client, who[role])
    request_status, form_status = MATRIX[role]
    assert client.get(assessment_request_url(city_urls, row)).status_code == request_status
    assert client.get(assessment_url(city_urls, row)).status_code == form_status


@pytest.mark.parametrize("role", [r for r in MATRIX if r != "coordinator"])
def test_only_a_coordinator_may_post_a_request(client, role, who, row, city_urls, users):
    login(client, who[role])
    before = Assessment.objects.count()
    response = client.post(assessment_request_url(city_urls, row), {"reviewers": [users["reviewer"].pk]})
    assert response.status_code in (302, 403, 404)
    if response.status_code == 302:
        assert "/login/" in response.url or response.url.rstrip("/").endswith("/admin")
    assert Assessment.objects.count() == before


@pytest.mark.parametrize("role", [r for r in MATRIX if r != "reviewer asked"])
def test_only_the_asked_reviewer_may_post_an_assessment(client, role, who, row, city_urls, city_criteria):
    login(client, who[role])
    data = {f"score_{criterion.pk}": 3 for criterion in city_criteria} | {"recommendation": "accept"}
    response = client.post(assessment_url(city_urls, row), data)
    assert response.status_code in (302, 403, 404)
    assert not Assessment.objects.filter(given_at__isnull=False).exists()


def test_the_asked_reviewer_posts_it(client, who, row, city_urls, city_criteria):
    login(client, who["reviewer asked"])
    data = {f"score_{criterion.pk}": 3 for criterion in city_criteria} | {"recommendation": "accept"}
    response = client.post(assessment_url(city_urls, row), data)
    assert response.status_code == 302
    assert Assessment.objects.get().given_at is not None


def test_a_leader_may_be_picked_for_their_own_cluster_only(client, users, row, city_urls, make_city_application):
    client.force_login(users["coordinator"])
    page = client.get(assessment_request_url(city_urls, row)).content.decode()
    assert users["leader"].get_full_name() in page
    assert users["other_leader"].get_full_name() not in page
    response = client.post(assessment_request_url(city_urls, row), {"reviewers": [users["other_leader"].pk]})
    assert response.status_code == 400  # not a choice
    assert not Assessment.objects.exists()
    unassigned = make_city_application(S.SUBMITTED, city="Busan")
    page = client.get(assessment_request_url(city_urls, unassigned)).content.decode()
    assert users["leader"].get_full_name() not in page


@pytest.mark.parametrize(
    ("role", "status"),
    [("coordinator", 200), ("reviewer", 302), ("leader", 302), ("editor", 302)],
)
def test_only_coordinators_edit_the_criteria(client, users, role, status):
    client.force_login(users[role])
    response = client.get(reverse("assessment_criteria:index"))
    assert response.status_code == status


def test_the_refusal_says_why(client, who, row, city_urls):
    client.force_login(who["reviewer not asked"])
    response = client.get(assessment_url(city_urls, row))
    assert response.status_code == 403
    assert "No assessment of this application was requested from you." in response.content.decode()
