"""The staff API's assessment requests: GET …/assessments/requests/ (each request's due date and state), POST it
(who, due date), POST …/assessments/decline/ (the caller's own request); problem+json refusals, the OpenAPI
entries, and the permission matrix over the three, including someone who declined with a conflict."""

import datetime

import pytest
import time_machine

from cluster_pages.models import ClusterLeadership
from tests.factories import UserFactory
from workflows.models import Assessment, AssessmentConflict
from workflows.services.assessment_requests import assessment_decline
from workflows.services.assessments import assessments_request

from .conftest import Api, move, token_for

pytestmark = pytest.mark.django_db


@pytest.fixture
def assigned(staff, submit_city, forms):
    """Assigned to the active cluster (led by ``leader``), the reviewer asked, due 10 March 2026."""
    coordinator = staff["coordinator"][0]
    ClusterLeadership.objects.create(cluster_id=forms.active_cluster.pk, user=staff["leader"][0])
    application = move(submit_city()[0], "review", "assign", user=coordinator, target=forms.active_cluster.pk)
    with time_machine.travel(datetime.datetime(2026, 3, 1, 9, tzinfo=datetime.UTC), tick=False):
        assessments_request(
            submission=application,
            reviewers=[staff["reviewer"][0]],
            user=coordinator,
            due_date=datetime.date(2026, 3, 10),
        )
    return application


def path(application, what="requests"):
    return f"applications/{application.pk}/assessments/{what}/"


def test_the_coordinator_reads_each_requests_state_and_sees_overdue_ones(staff, assigned):
    api = staff["coordinator"][1]
    with time_machine.travel(datetime.datetime(2026, 3, 10, 23, tzinfo=datetime.UTC), tick=False):
        (item,) = api.get(path(assigned)).json()["items"]
    assert (item["due_date"], item["state"], item["overdue"]) == ("2026-03-10", "awaited", False)
    with time_machine.travel(datetime.datetime(2026, 3, 11, 1, tzinfo=datetime.UTC), tick=False):
        (item,) = api.get(path(assigned)).json()["items"]
    assert (item["state"], item["overdue"]) == ("overdue", True)
    assert item["reviewer"] == staff["reviewer"][0].get_full_name()


def test_the_coordinator_asks_with_a_due_date(staff, assigned):
    leader = staff["leader"][0]
    due = (datetime.date.today() + datetime.timedelta(days=9)).isoformat()
    response = staff["coordinator"][1].post(path(assigned), {"reviewers": [leader.pk], "due_date": due})
    assert response.status_code == 201, response.content
    (item,) = response.json()["items"]
    assert (item["reviewer_id"], item["due_date"], item["state"]) == (leader.pk, due, "awaited")
    assert Assessment.objects.get(reviewer=leader).due_date.isoformat() == due


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"reviewers": [], "due_date": None}, 422),
        ({"reviewers": [999_999]}, 422),
        ({"reviewers": "x"}, 422),
        ({"reviewers": [1], "due_date": "2020-01-01"}, 422),
        ({"reviewers": [1], "due_date": "not a date"}, 422),
    ],
)
def test_bad_requests_are_problems_and_ask_nobody(staff, assigned, payload, status):
    if payload.get("reviewers") == [1]:
        payload = {**payload, "reviewers": [staff["leader"][0].pk]}
    response = staff["coordinator"][1].post(path(assigned), payload)
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert Assessment.objects.count() == 1


def test_the_reviewer_declines_with_a_conflict_and_is_then_refused_the_assessments(staff, assigned):
    api = staff["reviewer"][1]
    response = api.post(path(assigned, "decline"), {"reason": "conflict_of_interest", "note": "Advisor to them."})
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "declined" and response.json()["decline_reason"] == "conflict_of_interest"
    assert AssessmentConflict.objects.filter(user=staff["reviewer"][0]).exists()
    for refused in (api.get(path(assigned, "requests")), api.get(f"applications/{assigned.pk}/assessments/")):
        assert refused.status_code == 403
        assert refused["Content-Type"] == "application/problem+json"
        assert "conflict of interest" in refused.json()["detail"]
    again = api.post(path(assigned, "decline"), {"reason": "unavailable"})
    assert again.status_code == 403
    give = api.post(f"applications/{assigned.pk}/assessments/", {"scores": [], "recommendation": "accept"})
    assert give.status_code == 403 and "conflict of interest" in give.json()["detail"]


def test_a_conflicted_reviewer_cannot_be_asked_again(staff, assigned):
    assessment_decline(submission=assigned, user=staff["reviewer"][0], reason="conflict_of_interest")
    response = staff["coordinator"][1].post(path(assigned), {"reviewers": [staff["reviewer"][0].pk]})
    assert response.status_code == 403
    assert "may not assess" in response.json()["detail"]
    assert Assessment.objects.filter(reviewer=staff["reviewer"][0]).count() == 1


@pytest.mark.parametrize(
    ("payload"),
    [{"reason": "busy"}, {}, {"reason": "unavailable", "note": "a\x00b"}, {"reason": "unavailable", "note": 3}],
)
def test_a_bad_decline_is_a_422_and_changes_nothing(staff, assigned, payload):
    response = staff["reviewer"][1].post(path(assigned, "decline"), payload)
    assert response.status_code == 422
    assert Assessment.objects.get().declined_at is None


# (GET requests, POST requests, POST decline)
MATRIX = [
    ("anonymous", 401, 401, 401),
    ("applicant's status token", 401, 401, 401),
    ("editor", 404, 404, 404),
    ("reviewer asked", 200, 403, 200),
    ("reviewer not asked", 200, 403, 403),
    ("reviewer who declined with a conflict", 403, 403, 403),
    ("leader of this cluster", 200, 403, 403),
    ("leader of another cluster", 404, 404, 404),
    ("coordinator", 200, 201, 403),
]


@pytest.mark.parametrize(("who", "get_status", "post_status", "decline_status"), MATRIX)
def test_who_may_read_ask_and_decline(
    staff, assigned, forms, submit_city, who, get_status, post_status, decline_status
):
    other_leader = UserFactory(username="api-other-leader", groups=["Cluster leaders"])
    ClusterLeadership.objects.create(cluster_id=forms.forming_cluster.pk, user=other_leader)
    conflicted = UserFactory(username="api-conflicted", groups=["Reviewers"])
    assessments_request(submission=assigned, reviewers=[conflicted], user=staff["coordinator"][0])
    assessment_decline(submission=assigned, user=conflicted, reason="conflict_of_interest")
    _application, status_token = submit_city(city="Busan")
    clients = {
        "anonymous": Api(),
        "applicant's status token": Api(status_token),
        "editor": staff["editor"][1],
        "reviewer asked": staff["reviewer"][1],
        "reviewer not asked": Api(token_for(UserFactory(username="api-reviewer-2", groups=["Reviewers"]))),
        "reviewer who declined with a conflict": Api(token_for(conflicted)),
        "leader of this cluster": staff["leader"][1],
        "leader of another cluster": Api(token_for(other_leader)),
        "coordinator": staff["coordinator"][1],
    }
    api = clients[who]
    assert api.get(path(assigned)).status_code == get_status
    asked = api.post(path(assigned), {"reviewers": [staff["leader"][0].pk]})
    assert asked.status_code == post_status
    declined = api.post(path(assigned, "decline"), {"reason": "unavailable"})
    assert declined.status_code == decline_status
    for response in (asked, declined):
        if response.status_code >= 400:
            assert response["Content-Type"] == "application/problem+json"


def test_the_document_describes_the_three_operations(anonymous):
    document = anonymous.get("openapi.json").json()
    requests = document["paths"]["/api/v3/applications/{application_id}/assessments/requests/"]
    assert requests["get"]["operationId"] == "applications_assessment_requests"
    assert requests["post"]["operationId"] == "applications_assessment_request"
    assert {"201", "403", "409", "422"} <= set(requests["post"]["responses"])
    decline = document["paths"]["/api/v3/applications/{application_id}/assessments/decline/"]["post"]
    assert decline["operationId"] == "applications_assessment_decline"
    assert {"200", "403", "409", "422"} <= set(decline["responses"])


def test_a_coordinator_with_a_conflict_cannot_ask_reviewers(staff, assigned):
    coordinator = staff["coordinator"][0]
    AssessmentConflict.objects.create(submission=assigned, user=coordinator, declared_by=coordinator)
    response = staff["coordinator"][1].post(path(assigned), {"reviewers": [staff["leader"][0].pk]})
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "conflict of interest" in response.json()["detail"]
    assert not Assessment.objects.filter(reviewer=staff["leader"][0]).exists()


def test_why_a_request_was_declined_is_for_coordinators_only(staff, assigned):
    assessment_decline(submission=assigned, user=staff["reviewer"][0], reason="conflict_of_interest")
    (seen_by_leader,) = staff["leader"][1].get(path(assigned)).json()["items"]
    assert (seen_by_leader["state"], seen_by_leader["decline_reason"]) == ("declined", None)
    (seen_by_coordinator,) = staff["coordinator"][1].get(path(assigned)).json()["items"]
    assert seen_by_coordinator["decline_reason"] == "conflict_of_interest"
