"""The hostile corpus sent to the assessment request endpoints and screens: a decline note, the request body
(reviewers, due date), a conflict note. Never a server error; refused with a 4xx, or stored exactly and shown
escaped to the coordinator."""

import pytest

from tests.api.conftest import move
from workflows.models import Assessment, AssessmentConflict
from workflows.services.assessments import assessments_request

from .corpus import XSS
from .test_api_corpus import ALL_TEXTS, HOSTILE_BODIES, assert_refused, post_json

pytestmark = pytest.mark.django_db
HOSTILE_REQUESTS = [
    {"reviewers": [XSS]},
    {"reviewers": [2**64]},
    {"reviewers": [-1]},
    {"reviewers": list(range(1, 500))},
    {"reviewers": [1], "due_date": "9999-99-99"},
    {"reviewers": [1], "due_date": "2026-02-30"},
    {"reviewers": [1], "due_date": "99999-01-01"},
    {"reviewers": [1], "due_date": XSS},
    {"reviewers": {"$ne": None}},
    *HOSTILE_BODIES,
]


@pytest.fixture
def asked(staff, submit_city):
    application = move(submit_city()[0], "review", user=staff["coordinator"][0])
    assessments_request(submission=application, reviewers=[staff["reviewer"][0]], user=staff["coordinator"][0])
    return application


@pytest.mark.parametrize(("text", "outcome"), ALL_TEXTS)
def test_a_decline_note_is_refused_or_kept_exactly(staff, asked, text, outcome):
    response = post_json(
        staff["reviewer"][1], f"applications/{asked.pk}/assessments/decline/", {"reason": "unavailable", "note": text}
    )
    request = Assessment.objects.get()
    if outcome == "stored":
        assert response.status_code == 200, response.content[:300]
        assert request.decline_note == text.strip()
    else:
        assert_refused(response)
        assert request.declined_at is None


@pytest.mark.parametrize("payload", HOSTILE_REQUESTS)
def test_hostile_request_bodies_are_refused_and_ask_nobody(staff, asked, payload):
    response = post_json(staff["coordinator"][1], f"applications/{asked.pk}/assessments/requests/", payload)
    assert_refused(response)
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize("payload", [{"reason": XSS}, {"reason": ["unavailable"]}, *HOSTILE_BODIES])
def test_hostile_decline_bodies_are_refused_and_decline_nothing(staff, asked, payload):
    response = post_json(staff["reviewer"][1], f"applications/{asked.pk}/assessments/decline/", payload)
    assert_refused(response)
    assert Assessment.objects.get().declined_at is None


def test_hostile_markup_in_decline_and_conflict_notes_is_shown_escaped(client, staff, asked):
    post_json(
        staff["reviewer"][1],
        f"applications/{asked.pk}/assessments/decline/",
        {"reason": "conflict_of_interest", "note": XSS},
    )
    assert AssessmentConflict.objects.get().note == XSS
    client.force_login(staff["coordinator"][0])
    page = client.get(f"/admin/applications/city-applications/inspect/{asked.pk}/").content.decode()
    assert XSS not in page and "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page
