"""API v3: sessions with the places left, registering (the same rules as the event page), the status and
cancelling by token; every refusal a problem document, every operation in the OpenAPI document."""

import pytest
from django.core import mail
from django.test import Client
from openapi_spec_validator import validate

from cluster_pages.models import EventRegistration

from .conftest import make_session

pytestmark = pytest.mark.django_db


def body(**fields) -> dict:
    return {
        "applicant_name": "Ana Lima",
        "applicant_email": "ana@city.example",
        "organisation": "Smart City Bureau",
        "role": "Policy officer",
        "city": "Seoul",
        "country": "KR",
        "consent_privacy": True,
        **fields,
    }


@pytest.fixture
def api(django_capture_on_commit_callbacks):
    client = Client()

    def post(path, data):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(f"/api/v3/{path}", data, content_type="application/json")

    client.post_json = post
    return client


def test_sessions_are_listed_with_their_places_left(api, summit):
    sessions = api.get("/api/v3/event-sessions/", {"event": summit.page.pk}).json()

    small = next(session for session in sessions if session["id"] == summit.small.pk)
    assert small["places_left"] == 3 and small["waiting_list"] is True and small["registration_open"] is True
    assert small["starts_at"].endswith("+09:00") and small["time_zone"] == "Asia/Seoul"


def test_registering_confirms_then_waits_and_the_token_cancels_and_promotes(api, summit):
    tokens = []
    for number in range(4):
        response = api.post_json(
            f"event-sessions/{summit.small.pk}/registrations/", body(applicant_email=f"p{number}@city.example")
        )
        assert response.status_code == 201
        tokens.append(response.json()["status_token"])
    assert [EventRegistration.objects.get(applicant_email=f"p{n}@city.example").state for n in range(4)] == [
        "confirmed",
        "confirmed",
        "confirmed",
        "waiting",
    ]
    mail.outbox.clear()

    status = api.get(f"/api/v3/applications/status/{tokens[0]}/").json()
    cancelled = api.post_json(f"applications/status/{tokens[0]}/cancel/", {"confirm": True})

    assert status["actions"] == ["cancel"]
    assert cancelled.status_code == 200 and cancelled.json()["state"] == "cancelled"
    assert EventRegistration.objects.get(applicant_email="p3@city.example").state == "confirmed"
    assert sorted(message.to[0] for message in mail.outbox) == ["p0@city.example", "p3@city.example"]


def test_the_same_address_gets_its_registration_back_without_a_token(api, summit):
    api.post_json(f"event-sessions/{summit.small.pk}/registrations/", body())

    again = api.post_json(f"event-sessions/{summit.small.pk}/registrations/", body())

    assert again.status_code == 200
    assert again.json()["created"] is False and again.json()["status_token"] is None
    assert EventRegistration.objects.count() == 1


def test_refusals_are_problem_documents_and_store_nothing(api, summit):
    full = make_session(summit.page, title="Tiny", places=1, waiting_list_enabled=False)
    api.post_json(f"event-sessions/{full.pk}/registrations/", body(applicant_email="first@city.example"))

    answers = {
        "full": api.post_json(f"event-sessions/{full.pk}/registrations/", body()),
        "members": api.post_json(f"event-sessions/{summit.members.pk}/registrations/", body()),
        "no consent": api.post_json(f"event-sessions/{summit.small.pk}/registrations/", body(consent_privacy=False)),
        "unknown": api.post_json("event-sessions/999999/registrations/", body()),
        "bad address": api.post_json(
            f"event-sessions/{summit.small.pk}/registrations/", body(applicant_email="not an address")
        ),
    }

    assert {name: answer.status_code for name, answer in answers.items()} == {
        "full": 409,
        "members": 403,
        "no consent": 422,
        "unknown": 404,
        "bad address": 422,
    }
    assert all(answer["Content-Type"] == "application/problem+json" for answer in answers.values())
    assert EventRegistration.objects.count() == 1


def test_the_openapi_document_describes_the_session_operations(api, summit):
    document = api.get("/api/v3/openapi.json").json()

    validate(document)
    operations = {
        operation["operationId"]: operation
        for path in document["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert {"event_sessions_list", "event_sessions_register", "applications_status_cancel"} <= set(operations)
    assert {"201", "200", "403", "409", "422", "429"} <= set(operations["event_sessions_register"]["responses"])


def test_a_translated_event_page_lists_its_sessions_once(api, summit):
    from wagtail.models import Locale

    korean, _created = Locale.objects.get_or_create(language_code="ko")
    summit.page.copy_for_translation(korean, copy_parents=True).save_revision().publish()

    sessions = api.get("/api/v3/event-sessions/").json()

    assert sorted(session["id"] for session in sessions) == sorted(
        session.pk for session in (summit.small, summit.members, summit.other)
    )
