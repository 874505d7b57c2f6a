"""Text no database can store (NUL, lone surrogates) is refused with a 422 everywhere text comes in."""

import json

import pytest
from django.urls import reverse

from cluster_pages.models import CityApplication, ThemeSuggestion
from tests.site_forms.support import theme_data
from workflows.models import ApplicationState, InternalNote

pytestmark = pytest.mark.django_db

UNSTORABLE = [pytest.param("\x00", id="nul"), pytest.param("Kim \ud800", id="lone-surrogate")]


def post_json(api, path, payload):
    """JSON with ``ensure_ascii`` so a lone surrogate travels as the escape ``\\ud800``, as an attacker sends it."""
    return api.client.post(f"/api/v3/{path}", json.dumps(payload), content_type="application/json", **api._headers())


@pytest.mark.parametrize("text", UNSTORABLE)
def test_a_submission_with_unstorable_text_is_a_422_naming_the_field(anonymous, forms, text):
    response = post_json(
        anonymous, f"workflow-forms/{forms.theme.pk}/submissions/", {**theme_data(), "applicant_name": text}
    )

    assert response.status_code == 422, response.content
    assert [error["loc"] for error in response.json()["errors"]] == [["body", "applicant_name"]]
    assert not ThemeSuggestion.objects.exists()


@pytest.mark.parametrize("text", UNSTORABLE)
def test_an_api_note_with_unstorable_text_is_a_422_and_no_note(staff, submit_city, text):
    application, _token = submit_city()
    _user, api = staff["coordinator"]

    response = post_json(api, f"applications/{application.pk}/notes/", {"text": f"Called {text}"})

    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["loc"][-1] == "text"
    assert not InternalNote.objects.exists()


@pytest.mark.parametrize("field", ["message", "note"])
@pytest.mark.parametrize("text", UNSTORABLE)
def test_a_transition_message_or_note_with_unstorable_text_is_a_422_and_no_change(staff, submit_city, field, text):
    application, _token = submit_city()
    _user, api = staff["coordinator"]
    payload = {"message": "Please add the budget.", field: f"Budget {text}"}

    response = post_json(api, f"applications/{application.pk}/transitions/request_changes/", payload)

    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["loc"][-1] == field
    assert CityApplication.objects.get().state == ApplicationState.SUBMITTED


def test_an_admin_note_with_a_nul_is_not_added_and_says_why(client, staff, submit_city):
    application, _token = submit_city()
    client.force_login(staff["coordinator"][0])

    response = client.post(
        reverse("city_applications:note", args=(application.pk,)), {"text": "Called\x00 back"}, follow=True
    )

    assert response.status_code == 200
    assert "null character" in response.content.decode()
    assert not InternalNote.objects.exists()


def test_an_admin_transition_message_with_a_nul_changes_nothing(client, staff, submit_city):
    application, _token = submit_city()
    client.force_login(staff["coordinator"][0])
    url = reverse("city_applications:transition", args=(application.pk, "request_changes"))

    response = client.post(url, {"state": "submitted", "message": "Please\x00 add the budget."})

    assert response.status_code < 500
    assert CityApplication.objects.get().state == ApplicationState.SUBMITTED
