"""The hostile corpus sent to every API endpoint that takes input: submission, status, withdraw, resubmit, staff
notes and transition messages. Never a server error; refused with a 4xx, or stored exactly and shown escaped."""

import json

import pytest

from tests.api.conftest import as_answers, move
from tests.site_forms.support import city_data, upload
from workflows.models import ApplicationState, InternalNote, SubmittedFile, TransitionLog

from .corpus import FILES, JSON_ONLY_TEXTS, OUT_OF_RANGE_DATES, TEXTS, XSS
from .targets import add_extra_questions, assert_refused_or_stored_exactly, stored_answer, text_fields, valid_data

pytestmark = pytest.mark.django_db

S = ApplicationState
ALL_TEXTS = [*TEXTS, *(pytest.param(*param.values, "refused", id=param.id) for param in JSON_ONLY_TEXTS)]
HOSTILE_TOKENS = ["<script>alert(1)</script>", "' OR '1'='1", "A" * 5000, "%00", "..%2F..%2Fetc%2Fpasswd", "\u202e"]
HOSTILE_BODIES = [
    {"confirm": XSS},
    {"confirm": [True, True]},
    {"confirm": {"$ne": None}},
    b"[" * 100_000,
    b'{"\\ud800": true, "confirm": "\\u0000"}',
    b"\xff\xfe{\x00}",
]


def post_json(api, path, payload):
    """``payload`` as JSON with ASCII escapes (how a lone surrogate travels), or raw bytes as they are."""
    body = payload if isinstance(payload, bytes) else json.dumps(payload)
    return api.client.post(f"/api/v3/{path}", body, content_type="application/json", **api._headers())


def assert_refused(response):
    assert 400 <= response.status_code < 500, response.content[:300]
    assert response["Content-Type"] == "application/problem+json"


@pytest.mark.parametrize(("text", "outcome"), ALL_TEXTS)
def test_submissions_and_resubmissions_refuse_or_keep_hostile_text_exactly(
    anonymous, staff, forms, submit_city, text, outcome
):
    add_extra_questions(forms)
    for page, data in valid_data(forms).items():
        names = text_fields(page)
        answers = as_answers(data) | dict.fromkeys(names, text)
        response = post_json(anonymous, f"workflow-forms/{page.pk}/submissions/", answers)

        if outcome == "stored":
            assert response.status_code == 201, response.content[:300]
        else:
            assert_refused(response)
        assert assert_refused_or_stored_exactly(page.submission_model, names, text) == outcome
        page.submission_model.objects.all().delete()

    application, token = submit_city()
    move(application, "request_changes", user=staff["coordinator"][0])
    names = text_fields(forms.city)
    answers = as_answers(city_data(forms)) | dict.fromkeys(names, text)
    response = post_json(anonymous, f"applications/status/{token}/resubmit/", answers)

    application.refresh_from_db()
    if outcome == "stored":
        assert response.status_code == 200, response.content[:300]
        assert {name: stored_answer(application, name) for name in names} == dict.fromkeys(names, text.strip())
    else:
        assert_refused(response)
        assert (application.state, application.project_title) == (S.CHANGES_REQUESTED, "Mobility data platform")


@pytest.mark.parametrize("token", HOSTILE_TOKENS)
def test_status_and_withdraw_with_a_hostile_token_are_not_found(anonymous, forms, token):
    assert anonymous.get(f"applications/status/{token}/").status_code == 404
    assert anonymous.post(f"applications/status/{token}/withdraw/", {"confirm": True}).status_code == 404


def test_a_hostile_withdraw_body_is_refused_and_withdraws_nothing(anonymous, submit_city):
    application, token = submit_city()

    for body in HOSTILE_BODIES:
        assert_refused(post_json(anonymous, f"applications/status/{token}/withdraw/", body))
    application.refresh_from_db()
    assert application.state == S.SUBMITTED


@pytest.mark.parametrize(("text", "outcome"), ALL_TEXTS)
def test_staff_notes_and_transition_messages_refuse_or_keep_hostile_text_exactly(staff, submit_city, text, outcome):
    application, _token = submit_city()
    _user, api = staff["coordinator"]

    note = post_json(api, f"applications/{application.pk}/notes/", {"text": text})
    transition = post_json(api, f"applications/{application.pk}/transitions/request_changes/", {"message": text})

    application.refresh_from_db()
    if outcome == "stored":
        assert (note.status_code, transition.status_code) == (201, 200), (note.content[:300], transition.content[:300])
        assert InternalNote.objects.get().text == text.strip()
        assert TransitionLog.objects.get(transition="request_changes").message == text.strip()
    else:
        assert_refused(note)
        assert_refused(transition)
        assert not InternalNote.objects.exists()
        assert application.state == S.SUBMITTED


def test_listing_filters_with_hostile_values_are_refused_or_find_nothing(staff, submit_city):
    submit_city()
    _user, api = staff["coordinator"]

    for value in [*(param.values[0] for param in OUT_OF_RANGE_DATES), *(param.values[0] for param in TEXTS)]:
        for name in ("submitted_after", "submitted_before", "q", "ordering", "country"):
            response = api.get("applications/", {name: value})

            assert response.status_code in (200, 422), (name, value[:40], response.content[:300])
            assert response.status_code == 422 or response.json()["count"] <= 1


@pytest.mark.parametrize(("name", "content", "accepted"), FILES)
def test_hostile_files_through_the_api_are_refused_and_honest_ones_kept(
    anonymous, forms, private_media, name, content, accepted
):
    data = city_data(forms, project_brief=upload(name, content))

    response = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", data, multipart=True)

    assert response.status_code == (201 if accepted else 422), response.content[:300]
    assert SubmittedFile.objects.exists() is accepted


def test_hostile_markup_in_notes_and_messages_is_shown_escaped(client, anonymous, staff, submit_city, forms):
    application, token = submit_city()
    user, api = staff["coordinator"]
    post_json(api, f"applications/{application.pk}/notes/", {"text": XSS})
    post_json(api, f"applications/{application.pk}/transitions/request_changes/", {"message": XSS})
    escaped = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"

    client.force_login(user)
    staff_page = client.get(f"/admin/applications/city-applications/inspect/{application.pk}/").content.decode()
    client.logout()
    applicant_page = client.get(f"/en/applications/status/{token}/").content.decode()

    assert XSS not in staff_page and escaped in staff_page
    assert XSS not in applicant_page and escaped in applicant_page
    assert XSS in [step["message"] for step in anonymous.get(f"applications/status/{token}/").json()["timeline"]]
