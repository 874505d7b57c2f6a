"""Drafts in the API: create with part of the answers, read and change them by the private token, then send:
validated like the form, created the usual way, once; errors are problem documents."""

import pytest
from django.test.client import encode_multipart
from openapi_spec_validator import validate

from cluster_pages.models import CityApplication
from tests.site_forms.support import PDF_BYTES, upload
from workflows.models import FormDraft, SubmittedFile
from workflows.tokens import token_hash

from .conftest import city_answers

pytestmark = pytest.mark.django_db


def patch(api, path, data):
    return api.client.patch(f"/api/v3/{path}", data, content_type="application/json")


@pytest.fixture
def draft(anonymous, forms):
    answers = city_answers(forms)
    first_half = {name: answers[name] for name in ("applicant_name", "applicant_email", "role", "city", "country")}
    response = anonymous.post(f"workflow-forms/{forms.city.pk}/drafts/", first_half)
    assert response.status_code == 201, response.content
    return response.json()


def test_a_draft_is_created_with_part_of_the_answers_and_a_token_shown_once(anonymous, draft, forms):
    assert draft["answers"]["city"] == ["Seoul"]
    assert draft["form_id"] == forms.city.pk
    assert FormDraft.objects.get().token_hash == token_hash(draft["token"])
    read = anonymous.get(f"workflow-forms/drafts/{draft['token']}/").json()
    assert read["token"] is None and read["answers"]["applicant_name"] == ["Kim Min-ji"]


def test_changing_a_draft_keeps_the_other_answers(anonymous, draft):
    response = patch(anonymous, f"workflow-forms/drafts/{draft['token']}/", {"city": "Busan"})

    assert response.status_code == 200
    assert response.json()["answers"]["city"] == ["Busan"]
    assert response.json()["answers"]["role"] == [draft["answers"]["role"][0]]


def test_a_file_is_checked_and_kept_with_the_draft(anonymous, forms, private_media):
    answers = {"applicant_email": "minji@seoul.example", "project_brief": upload("brief.pdf", PDF_BYTES)}
    response = anonymous.post(f"workflow-forms/{forms.city.pk}/drafts/", answers, multipart=True)
    assert response.json()["files"] == [{"field": "project_brief", "name": "brief.pdf", "size": len(PDF_BYTES)}]

    refused = anonymous.post(
        f"workflow-forms/{forms.city.pk}/drafts/", {"project_brief": upload("brief.pdf", b"<html>")}, multipart=True
    )
    assert refused.status_code == 422
    assert refused["Content-Type"] == "application/problem+json"


def test_an_incomplete_draft_is_not_sent(anonymous, draft):
    response = anonymous.post(f"workflow-forms/drafts/{draft['token']}/submissions/")

    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    assert {"body", "project_title"} <= {part for error in response.json()["errors"] for part in error["loc"]}
    assert not CityApplication.objects.exists()


def test_a_complete_draft_is_sent_once_the_usual_way(anonymous, draft, forms):
    patch(anonymous, f"workflow-forms/drafts/{draft['token']}/", city_answers(forms))

    response = anonymous.post(f"workflow-forms/drafts/{draft['token']}/submissions/")

    assert response.status_code == 201, response.content
    application = CityApplication.objects.get()
    assert response.json()["reference"] == application.reference
    assert not FormDraft.objects.exists() and not SubmittedFile.objects.exists()
    again = anonymous.post(f"workflow-forms/drafts/{draft['token']}/submissions/")
    assert again.status_code == 404 and again["Content-Type"] == "application/problem+json"


def test_a_honeypot_in_a_draft_is_refused_at_sending(anonymous, draft, forms):
    patch(anonymous, f"workflow-forms/drafts/{draft['token']}/", {**city_answers(forms), "fax_number": "123"})

    response = anonymous.post(f"workflow-forms/drafts/{draft['token']}/submissions/")

    assert response.status_code == 422
    assert not CityApplication.objects.exists()


def test_sending_a_draft_counts_against_the_forms_rate_limit(anonymous, draft, forms, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"  # the draft's creation used the other allowance (saving)
    anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", city_answers(forms, city="Busan"))
    patch(anonymous, f"workflow-forms/drafts/{draft['token']}/", city_answers(forms))

    assert anonymous.post(f"workflow-forms/drafts/{draft['token']}/submissions/").status_code == 429


def test_a_wrong_token_is_a_404_problem(anonymous, db):
    response = anonymous.get("workflow-forms/drafts/" + "x" * 43 + "/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_draft_operations_are_in_the_openapi_document(anonymous):
    document = anonymous.get("openapi.json").json()
    validate(document)
    drafts = document["paths"]["/api/v3/workflow-forms/drafts/{token}/submissions/"]["post"]
    assert set(drafts["responses"]) == {"200", "201", "404", "422", "429"}
    assert "application/problem+json" in drafts["responses"]["422"]["content"]
    operations = {
        operation["operationId"]
        for path in document["paths"].values()
        for operation in path.values()
        if isinstance(operation, dict) and "operationId" in operation
    }

    assert {
        "workflow_forms_draft_create",
        "workflow_forms_draft_detail",
        "workflow_forms_draft_update",
        "workflow_forms_draft_submit",
    } <= operations


def test_a_file_may_be_added_to_a_draft_later(anonymous, draft, private_media):
    body = encode_multipart("BoUnDaRy", {"project_brief": upload("brief.pdf", PDF_BYTES)})
    response = anonymous.client.patch(
        f"/api/v3/workflow-forms/drafts/{draft['token']}/", body, content_type="multipart/form-data; boundary=BoUnDaRy"
    )

    assert response.status_code == 200, response.content
    assert response.json()["files"][0]["name"] == "brief.pdf"
    assert response.json()["answers"]["city"] == ["Seoul"]
