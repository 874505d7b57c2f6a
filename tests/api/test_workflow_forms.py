"""Public form endpoints: list, schema, submission (JSON and multipart), and the abuse guards."""

import pytest

from cluster_pages.models import CityApplication, ThemeSuggestion
from tests.site_forms.support import PDF_BYTES, city_data, theme_data, upload
from workflows.abuse import HONEYPOT_FIELD_NAME
from workflows.registry import submission_for_token

from .conftest import city_answers
from .fuzz_api import answers_from_schema

pytestmark = pytest.mark.django_db


def test_the_list_names_every_live_form_with_its_kind_and_path(anonymous, forms):
    response = anonymous.get("workflow-forms/")
    assert response.status_code == 200
    by_id = {item["id"]: item for item in response.json()}
    assert by_id[forms.city.pk]["kind"] == "cluster_pages.cityapplication"
    assert by_id[forms.city.pk]["url_path"] == "/en/join/city/"
    assert by_id[forms.theme.pk]["intro"] == "<p>Tell us about it.</p>"


def test_an_unpublished_form_is_not_listed_and_has_no_schema(anonymous, forms):
    forms.company.unpublish()
    assert forms.company.pk not in {item["id"] for item in anonymous.get("workflow-forms/").json()}
    response = anonymous.get(f"workflow-forms/{forms.company.pk}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/problem+json"


def test_the_schema_describes_each_field_as_the_html_form_asks_it(anonymous, forms):
    schema = anonymous.get(f"workflow-forms/{forms.city.pk}/").json()
    fields = {field["name"]: field for field in schema["fields"]}
    assert schema["honeypot_field"] == HONEYPOT_FIELD_NAME
    assert HONEYPOT_FIELD_NAME not in fields
    assert fields["applicant_email"]["type"] == "email" and fields["applicant_email"]["required"]
    assert fields["project_description"]["max_length"] == 5000
    assert fields["clusters"]["type"] == "checkboxes" and fields["clusters"]["multiple"]
    cluster_choices = {choice["value"] for choice in fields["clusters"]["choices"]}
    # Live clusters that take members only: not the archived one.
    assert cluster_choices == {str(forms.active_cluster.pk), str(forms.forming_cluster.pk)}
    assert fields["project_brief"]["type"] == "file"
    assert fields["project_brief"]["max_file_size"] == 10 * 1024 * 1024
    assert "application/pdf" in {t["mime_type"] for t in fields["project_brief"]["accepted_file_types"]}
    assert {"value": "KR", "label": "South Korea"} in fields["country"]["choices"]
    assert schema["thank_you_text"] == "<p>Thanks!</p>"


def test_a_valid_json_submission_creates_one_application_and_returns_its_status_link(anonymous, forms):
    response = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", city_answers(forms))
    assert response.status_code == 201, response.content
    body = response.json()
    application = CityApplication.objects.get()
    assert body["reference"] == application.reference
    assert (body["state"], body["state_label"], body["created"]) == ("submitted", "Received", True)
    assert submission_for_token(body["status_token"]).pk == application.pk
    assert body["status_url"].endswith(f"/en/applications/status/{body['status_token']}/")
    assert body["status_api_url"].endswith(f"/api/v3/applications/status/{body['status_token']}/")
    assert list(application.clusters.all()) == [forms.active_cluster.specific]


def test_invalid_answers_get_a_problem_document_with_an_error_per_field(anonymous, forms):
    answers = city_answers(forms, applicant_email="not-an-address", project_description="x" * 5001)
    del answers["city"]
    response = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", answers)
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"
    locs = {tuple(error["loc"]) for error in response.json()["errors"]}
    assert {("body", "city"), ("body", "applicant_email"), ("body", "project_description")} <= locs
    assert not CityApplication.objects.exists()


def test_an_object_as_an_answer_is_refused_by_field(anonymous, forms):
    response = anonymous.post(f"workflow-forms/{forms.theme.pk}/submissions/", {**theme_data(), "organisation": {}})
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "organisation"]


def test_a_body_that_is_not_json_is_a_bad_request(anonymous, forms):
    response = anonymous.client.post(
        f"/api/v3/workflow-forms/{forms.theme.pk}/submissions/", "{nope", content_type="application/json"
    )
    assert response.status_code == 400
    response = anonymous.client.post(
        f"/api/v3/workflow-forms/{forms.theme.pk}/submissions/", "a", content_type="text/plain"
    )
    assert response.status_code == 415


def test_a_filled_honeypot_is_refused_and_saves_nothing(anonymous, forms):
    answers = {**theme_data(), HONEYPOT_FIELD_NAME: "+1 555 0100"}
    response = anonymous.post(f"workflow-forms/{forms.theme.pk}/submissions/", answers)
    assert response.status_code == 422
    assert response.json()["errors"][0]["type"] == "honeypot"
    assert not ThemeSuggestion.objects.exists()


def test_a_repeated_submission_returns_the_first_reference_without_a_token_or_a_second_row(anonymous, forms):
    first = anonymous.post(f"workflow-forms/{forms.theme.pk}/submissions/", theme_data())
    again = anonymous.post(f"workflow-forms/{forms.theme.pk}/submissions/", theme_data())
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["reference"] == first.json()["reference"]
    assert again.json()["created"] is False and again.json()["status_token"] is None
    assert "cannot be shown again" in again.json()["detail"]
    assert ThemeSuggestion.objects.count() == 1


def test_the_rate_limit_is_the_html_forms_and_answers_429(anonymous, forms, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "2/h"
    # The HTML form and the API share the allowance.
    anonymous.client.post(forms.city.url, city_data(forms))
    anonymous.post(f"workflow-forms/{forms.theme.pk}/submissions/", theme_data())  # another form: its own count
    second = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", city_answers(forms, city="Busan"))
    third = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", city_answers(forms, city="Incheon"))
    assert second.status_code == 201
    assert third.status_code == 429
    assert third["Content-Type"] == "application/problem+json"
    assert not CityApplication.objects.filter(city="Incheon").exists()


def test_a_multipart_submission_keeps_the_uploaded_file(anonymous, forms):
    data = {**city_data(forms), "project_brief": upload("brief.pdf", PDF_BYTES)}
    response = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", data, multipart=True)
    assert response.status_code == 201, response.content
    assert [record.original_name for record in CityApplication.objects.get().files.all()] == ["brief.pdf"]


def test_a_file_of_the_wrong_type_is_refused(anonymous, forms):
    data = {**city_data(forms), "project_brief": upload("brief.pdf", b"MZ not a pdf")}
    response = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", data, multipart=True)
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "project_brief"]


def test_a_front_end_can_fill_the_form_from_its_schema_alone_and_follow_the_status_link(anonymous, forms):
    schema = anonymous.get(f"workflow-forms/{forms.city.pk}/").json()
    answers = answers_from_schema(schema, n=1)  # the same filler the API fuzzer seeds with
    created = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", answers)
    assert created.status_code == 201, created.content
    status_path = created.json()["status_api_url"].split("/api/v3/", 1)[1]
    status = anonymous.get(status_path)
    assert status.status_code == 200
    assert status.json()["reference"] == created.json()["reference"]
    assert "withdraw" in status.json()["actions"]
    withdrawn = anonymous.post(f"{status_path}withdraw/", {"confirm": True})
    assert withdrawn.status_code == 200
    assert (withdrawn.json()["state"], withdrawn.json()["state_label"]) == ("withdrawn", "Withdrawn")


def test_a_body_that_cannot_be_read_is_a_400_problem_everywhere_in_the_api(anonymous, staff, forms):
    """Multipart without a boundary: the plugin's endpoints and Wagtail's own answer a problem document."""
    editor_api = staff["editor"][1]
    for api, path in (
        (anonymous, f"workflow-forms/{forms.city.pk}/submissions/"),
        (editor_api, "images/"),
    ):
        response = api.client.generic(
            "POST", f"/api/v3/{path}", b"not multipart at all", content_type="multipart/form-data", **api._headers()
        )

        assert response.status_code == 400, (path, response.content)
        assert response["Content-Type"] == "application/problem+json", path
        assert response.json()["detail"].startswith("The request body could not be read"), path
