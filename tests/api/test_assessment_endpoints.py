"""The staff API's assessments: GET every round with the aggregate, POST the token user's own (201, then 200),
problem+json refusals (401, 403, 404, 409, 422), and the permission matrix over both endpoints."""

import pytest
from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import CityApplication, ClusterLeadership
from tests.factories import UserFactory
from workflows.models import Assessment, AssessmentCriterion
from workflows.services.assessments import assessments_request

from .conftest import Api, move, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def criteria(db):
    kind = ContentType.objects.get_for_model(CityApplication)
    return [
        AssessmentCriterion.objects.create(kind=kind, name="Relevance to the cluster", sort_order=1),
        AssessmentCriterion.objects.create(kind=kind, name="Maturity", sort_order=2),
    ]


@pytest.fixture
def assigned(staff, submit_city, forms):
    """A city application assigned to the active cluster, with the reviewer and that cluster's leader asked."""
    coordinator = staff["coordinator"][0]
    ClusterLeadership.objects.create(cluster_id=forms.active_cluster.pk, user=staff["leader"][0])
    application = move(submit_city()[0], "review", "assign", user=coordinator, target=forms.active_cluster.pk)
    assessments_request(submission=application, reviewers=[staff["reviewer"][0], staff["leader"][0]], user=coordinator)
    return application


def body(criteria, scores=(4, 3), recommendation="accept", comment="Fits well."):
    return {
        "scores": [{"criterion": c.pk, "score": s} for c, s in zip(criteria, scores, strict=True)],
        "recommendation": recommendation,
        "comment": comment,
    }


def test_the_asked_reviewer_posts_then_changes_and_everyone_staff_reads_it(staff, assigned, criteria):
    api = staff["reviewer"][1]
    path = f"applications/{assigned.pk}/assessments/"

    first = api.post(path, body(criteria))
    assert first.status_code == 201, first.content
    assert first.json()["recommendation"] == "accept" and first.json()["open"] is True
    changed = api.post(path, body(criteria, scores=(2, 2), recommendation="changes"))
    assert changed.status_code == 200
    assert [score["score"] for score in changed.json()["scores"]] == [2, 2]

    listing = staff["coordinator"][1].get(path)
    assert listing.status_code == 200
    data = listing.json()
    assert [criterion["name"] for criterion in data["criteria"]] == ["Relevance to the cluster", "Maturity"]
    assert data["criteria"][0]["score_labels"] == ["Poor", "Weak", "Adequate", "Good", "Excellent"]
    assert data["latest_round"]["given"] == 1 and data["latest_round"]["requested"] == 2
    assert data["latest_round"]["mean"] == 2.0
    assert data["latest_round"]["recommendations"] == {"accept": 0, "changes": 1, "decline": 0}
    assert {item["reviewer"] for item in data["items"]} == {
        staff["reviewer"][0].get_full_name(),
        staff["leader"][0].get_full_name(),
    }


@pytest.mark.parametrize(
    ("who", "get_status", "post_status"),
    [
        ("anonymous", 401, 401),
        ("applicant's status token", 401, 401),
        ("editor", 404, 404),
        ("reviewer asked", 200, 201),
        ("reviewer not asked", 200, 403),
        ("leader of this cluster (asked)", 200, 201),
        ("leader of another cluster", 404, 404),
        ("coordinator (not asked)", 200, 403),
    ],
)
def test_who_may_read_and_post(staff, assigned, criteria, forms, submit_city, who, get_status, post_status):
    other_leader = UserFactory(username="api-other-leader", groups=["Cluster leaders"])
    ClusterLeadership.objects.create(cluster_id=forms.forming_cluster.pk, user=other_leader)
    _application, status_token = submit_city(city="Busan")
    clients = {
        "anonymous": Api(),
        "applicant's status token": Api(status_token),
        "editor": staff["editor"][1],
        "reviewer asked": staff["reviewer"][1],
        "reviewer not asked": Api(token_for(UserFactory(username="api-reviewer-2", groups=["Reviewers"]))),
        "leader of this cluster (asked)": staff["leader"][1],
        "leader of another cluster": Api(token_for(other_leader)),
        "coordinator (not asked)": staff["coordinator"][1],
    }
    api = clients[who]
    path = f"applications/{assigned.pk}/assessments/"
    got = api.get(path)
    assert got.status_code == get_status
    posted = api.post(path, body(criteria))
    assert posted.status_code == post_status
    if post_status >= 400:
        assert posted["Content-Type"] == "application/problem+json"
        assert not Assessment.objects.filter(given_at__isnull=False).exists()


def test_it_cannot_change_once_the_application_moved_on(staff, assigned, criteria):
    api = staff["reviewer"][1]
    path = f"applications/{assigned.pk}/assessments/"
    assert api.post(path, body(criteria)).status_code == 201
    move(assigned, "activate", user=staff["coordinator"][0])
    refused = api.post(path, body(criteria, scores=(1, 1)))
    assert refused.status_code == 409
    assert "moved on" in refused.json()["detail"]
    assert api.get(path).json()["items"][0]["open"] is False


@pytest.mark.parametrize(
    "payload",
    [
        {"scores": [], "recommendation": "accept"},  # every criterion is required
        {"scores": "x", "recommendation": "accept"},
        {"recommendation": "accept"},
        {"scores": [{"criterion": 1, "score": 6}], "recommendation": "accept"},
        {"scores": [{"criterion": 1, "score": 3}], "recommendation": "maybe"},
        {"scores": [{"criterion": 1, "score": 3}], "recommendation": "accept", "comment": "a\x00b"},
    ],
)
def test_bad_input_is_a_422_problem_and_saves_nothing(staff, assigned, criteria, payload):
    response = staff["reviewer"][1].post(f"applications/{assigned.pk}/assessments/", payload)
    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert not Assessment.objects.filter(given_at__isnull=False).exists()


def test_a_repeated_or_unknown_criterion_is_a_422(staff, assigned, criteria):
    api = staff["reviewer"][1]
    path = f"applications/{assigned.pk}/assessments/"
    twice = {**body(criteria), "scores": [{"criterion": criteria[0].pk, "score": 3}] * 2}
    assert api.post(path, twice).status_code == 422
    unknown = {**body(criteria), "scores": [*body(criteria)["scores"], {"criterion": 999_999, "score": 3}]}
    assert api.post(path, unknown).status_code == 422


def test_the_document_describes_both_operations(anonymous):
    document = anonymous.get("openapi.json").json()
    operations = document["paths"]["/api/v3/applications/{application_id}/assessments/"]
    assert operations["get"]["operationId"] == "applications_assessments"
    assert operations["post"]["operationId"] == "applications_assessment_give"
    assert {"201", "200", "403", "409", "422"} <= set(operations["post"]["responses"])
