"""Staff endpoints: each role's view, filters, detail, transitions, notes, tokens and query counts."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import APIToken

from cluster_pages.models import ClusterLeadership, ThematicClusterPage
from workflows.adapters import TargetAdapter, target_adapter
from workflows.models import InternalNote

from .conftest import Api, move

pytestmark = pytest.mark.django_db

leaders_exist = pytest.mark.skipif(
    type(target_adapter(ThematicClusterPage)) is TargetAdapter,
    reason="cluster pages have no leaders yet (no target adapter registered for ThematicClusterPage)",
)


def make_leader(user, cluster):
    ClusterLeadership.objects.create(cluster_id=cluster.pk, user=user)


def test_without_a_token_or_with_a_revoked_one_the_staff_endpoints_answer_401(staff, anonymous, submit_city):
    application, _token = submit_city()
    user, api = staff["reviewer"]
    for call in (
        lambda client: client.get("applications/"),
        lambda client: client.get(f"applications/{application.pk}/"),
        lambda client: client.post(f"applications/{application.pk}/transitions/review/", {}),
        lambda client: client.post(f"applications/{application.pk}/notes/", {"text": "hi"}),
    ):
        assert call(anonymous).status_code == 401
        assert call(Api("wagtail_not-a-real-token")).status_code == 401
    APIToken.objects.get(user=user).revoke()
    response = api.get("applications/")
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"


def test_reviewers_and_coordinators_see_every_application_with_their_own_transitions(staff, submit_city, forms):
    submitted, _ = submit_city()
    coordinator = staff["coordinator"][0]
    reviewed = move(submit_city(city="Busan")[0], "review", user=coordinator)
    items = {item["id"]: item for item in staff["reviewer"][1].get("applications/").json()["items"]}
    assert items[submitted.pk]["available_transitions"] == ["reject", "request_changes", "review"]
    assert items[reviewed.pk]["available_transitions"] == ["reject", "request_changes"]
    coordinator_items = {item["id"]: item for item in staff["coordinator"][1].get("applications/").json()["items"]}
    assert coordinator_items[reviewed.pk]["available_transitions"] == ["assign", "reject", "request_changes"]
    assert coordinator_items[submitted.pk]["organisation"] == "Seoul"
    assert coordinator_items[submitted.pk]["country"] == "KR"
    assert coordinator_items[submitted.pk]["interests"] == [{"id": forms.active_cluster.pk, "title": "Smart Mobility"}]


def test_an_editor_sees_no_applications(staff, submit_city):
    application, _ = submit_city()
    api = staff["editor"][1]
    assert api.get("applications/").json() == {"count": 0, "items": []}
    assert api.get(f"applications/{application.pk}/").status_code == 404


@leaders_exist
def test_a_cluster_leader_sees_and_moves_only_their_clusters_applications(staff, submit_city, forms):
    leader, api = staff["leader"]
    coordinator = staff["coordinator"][0]
    make_leader(leader, forms.active_cluster)
    mine = move(submit_city()[0], "review", "assign", user=coordinator, target=forms.active_cluster.pk)
    other = move(submit_city(city="Busan")[0], "review", "assign", user=coordinator, target=forms.forming_cluster.pk)
    listing = api.get("applications/").json()
    assert [item["id"] for item in listing["items"]] == [mine.pk]
    assert listing["items"][0]["available_transitions"] == ["activate"]
    assert api.get(f"applications/{other.pk}/").status_code == 404
    assert api.post(f"applications/{other.pk}/transitions/activate/", {}).status_code == 404
    assert api.post(f"applications/{other.pk}/notes/", {"text": "peek"}).status_code == 404
    response = api.post(f"applications/{mine.pk}/transitions/activate/", {})
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "active"
    assert api.post(f"applications/{mine.pk}/notes/", {"text": "Welcome call done."}).status_code == 201


def test_the_list_filters_by_state_kind_interest_assignment_country_dates_and_search(staff, submit_city, forms):
    coordinator, api = staff["coordinator"]
    seoul, _ = submit_city()
    busan = move(
        submit_city(city="Busan", clusters=[str(forms.forming_cluster.pk)], project_title="Harbour sensors")[0],
        "review",
        "assign",
        user=coordinator,
        target=forms.forming_cluster.pk,
    )

    def ids(**params):
        response = api.get("applications/", params)
        assert response.status_code == 200, response.content
        return {item["id"] for item in response.json()["items"]}

    assert ids(state="assigned") == {busan.pk}
    assert ids(state=["submitted", "assigned"]) == {seoul.pk, busan.pk}
    assert ids(kind="cluster_pages.cityapplication") == {seoul.pk, busan.pk}
    assert ids(kind="cluster_pages.companyregistration") == set()
    assert ids(interest=forms.active_cluster.pk) == {seoul.pk}
    assert ids(assigned_to=forms.forming_cluster.pk) == {busan.pk}
    assert ids(country="kr") == {seoul.pk, busan.pk}
    assert ids(country="DE") == set()
    assert ids(submitted_after="2000-01-01", submitted_before="2999-12-31") == {seoul.pk, busan.pk}
    assert ids(submitted_after="2999-01-01") == set()
    assert ids(search="harbour") == {busan.pk}
    assert ids(search=seoul.reference) == {seoul.pk}
    refs = [item["reference"] for item in api.get("applications/", {"ordering": "reference"}).json()["items"]]
    assert refs == sorted(refs)


def test_bad_filter_values_are_422_problems(staff):
    api = staff["coordinator"][1]
    for params in (
        {"state": "lost"},
        {"ordering": "applicant_email"},
        {"submitted_after": "2026-13-45"},
        {"limit": 500},
        {"search": "harbour\x00"},
    ):
        response = api.get("applications/", params)
        assert response.status_code == 422, params
        assert response["Content-Type"] == "application/problem+json"


def test_the_detail_has_labelled_answers_timeline_files_and_internal_notes(staff, submit_city):
    coordinator, api = staff["coordinator"]
    application, _ = submit_city()
    move(application, "review", user=coordinator)
    InternalNote.objects.create(submission=application, author=coordinator, text="Strong project.")
    response = api.get(f"applications/{application.pk}/")
    assert response.status_code == 200
    body = response.json()
    fields = {answer["name"]: answer for answer in body["fields"]}
    assert fields["city"]["value"] == "Seoul"
    assert fields["country"]["display"] == "South Korea"
    assert fields["project_status"]["display"] == "In development"
    assert [entry["transition"] for entry in body["timeline"]] == ["submit", "review"] or [
        entry["to_state"] for entry in body["timeline"]
    ][-1] == "reviewed"
    assert [note["text"] for note in body["internal_notes"]] == ["Strong project."]
    assert api.get("applications/999999/").status_code == 404


def test_transitions_answer_200_403_404_409_and_422_and_change_nothing_when_refused(staff, submit_city, forms):
    reviewer_api = staff["reviewer"][1]
    coordinator_api = staff["coordinator"][1]
    application, _ = submit_city()
    path = f"applications/{application.pk}/transitions"

    assert reviewer_api.post(f"{path}/activate/", {}).status_code == 409  # not from "submitted"
    assert reviewer_api.post(f"{path}/fly/", {}).status_code == 404
    missing = reviewer_api.post(f"{path}/request_changes/", {})
    assert missing.status_code == 422
    assert missing.json()["errors"][0]["loc"] == ["body", "message"]
    assert reviewer_api.post(f"{path}/review/", {"target": forms.active_cluster.pk}).status_code == 422
    stale = reviewer_api.post(f"{path}/review/", {"expected_state": "reviewed"})
    assert stale.status_code == 409
    application.refresh_from_db()
    assert application.state == "submitted"

    done = reviewer_api.post(f"{path}/review/", {"note": "Read it.", "expected_state": "submitted"})
    assert done.status_code == 200
    assert (done.json()["from_state"], done.json()["state"]) == ("submitted", "reviewed")
    assert reviewer_api.post(f"{path}/assign/", {"target": forms.active_cluster.pk}).status_code == 403
    bad_target = coordinator_api.post(f"{path}/assign/", {"target": forms.archived_cluster.pk})
    assert bad_target.status_code == 422
    assigned = coordinator_api.post(f"{path}/assign/", {"target": forms.active_cluster.pk})
    assert assigned.status_code == 200
    assert assigned.json()["available_transitions"] == ["activate", "reject"]
    assert coordinator_api.post(f"{path}/withdraw/", {}).status_code == 403  # the applicant's own


def test_notes_are_added_by_reviewers_and_refused_to_others(staff, submit_city):
    application, _ = submit_city()
    response = staff["reviewer"][1].post(f"applications/{application.pk}/notes/", {"text": "Called the city."})
    assert response.status_code == 201
    assert response.json()["text"] == "Called the city."
    assert staff["reviewer"][1].post(f"applications/{application.pk}/notes/", {"text": "   "}).status_code == 422
    assert staff["editor"][1].post(f"applications/{application.pk}/notes/", {"text": "x"}).status_code == 404
    assert InternalNote.objects.count() == 1


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_the_list_runs_the_same_number_of_queries_for_3_and_30_applications(staff, submit_city, forms, role):
    user, api = staff[role]
    coordinator = staff["coordinator"][0]
    if role == "leader":
        make_leader(user, forms.active_cluster)

    def add(count):
        for number in range(count):
            application = submit_city(city=f"City {number}-{count}")[0]
            move(application, "review", "assign", user=coordinator, target=forms.active_cluster.pk)

    def queries():
        api.get("applications/", {"limit": 20})  # warm: the token's last-used time, content types
        with CaptureQueriesContext(connection) as captured:
            response = api.get("applications/", {"limit": 20})
        assert response.status_code == 200
        return len(captured), response.json()["count"]

    add(3)
    few, count_few = queries()
    add(27)
    many, count_many = queries()
    assert (count_few, count_many) == (3, 30)
    assert many == few, f"{few} queries for 3 applications, {many} for 30"
