"""The applicant's status endpoints, CORS, and the OpenAPI document."""

import re

import pytest
from openapi_spec_validator import validate

from tests.site_forms.support import city_data
from workflows.models import InternalNote

from .conftest import Api, city_answers, move

pytestmark = pytest.mark.django_db


def test_the_status_shows_what_the_status_page_shows_and_never_internal_notes(anonymous, staff, submit_city):
    application, token = submit_city()
    coordinator = staff["coordinator"][0]
    move(application, "reject", user=coordinator)  # note "because" is internal; message "please" is not
    InternalNote.objects.create(submission=application, author=coordinator, text="Secret remark")
    response = anonymous.get(f"applications/status/{token}/")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store, private"
    body = response.json()
    assert (body["state"], body["state_label"]) == ("rejected", "Not accepted")
    assert body["timeline"][-1]["message"] == "please"
    assert "because" not in response.content.decode() and "Secret remark" not in response.content.decode()
    assert anonymous.get("applications/status/not-a-token/").status_code == 404


def test_withdraw_needs_confirmation_and_then_is_no_longer_possible(anonymous, submit_city):
    application, token = submit_city()
    unconfirmed = anonymous.post(f"applications/status/{token}/withdraw/", {"confirm": False})
    assert unconfirmed.status_code == 422
    assert unconfirmed.json()["errors"][0]["loc"] == ["body", "confirm"]
    assert anonymous.post(f"applications/status/{token}/withdraw/", {"confirm": True}).json()["state"] == "withdrawn"
    assert anonymous.post(f"applications/status/{token}/withdraw/", {"confirm": True}).status_code == 409
    assert anonymous.post("applications/status/wrong/withdraw/", {"confirm": True}).status_code == 404


def test_resubmit_takes_edited_answers_when_changes_were_requested(anonymous, staff, submit_city, forms):
    application, token = submit_city()
    path = f"applications/status/{token}/resubmit/"
    assert anonymous.post(path, city_answers(forms)).status_code == 409  # no changes requested yet
    move(application, "request_changes", user=staff["reviewer"][0])
    invalid = anonymous.post(path, city_answers(forms, project_title=""))
    assert invalid.status_code == 422
    done = anonymous.post(path, city_answers(forms, project_title="Mobility data platform, phase 2"))
    assert done.status_code == 200, done.content
    assert done.json()["state"] == "submitted"
    application.refresh_from_db()
    assert application.specific.project_title == "Mobility data platform, phase 2"


def test_cors_allows_only_the_configured_origins(settings, forms):
    settings.CORS_ALLOWED_ORIGINS = ["https://app.example.org"]
    allowed = Api(HTTP_ORIGIN="https://app.example.org").get("workflow-forms/")
    refused = Api(HTTP_ORIGIN="https://evil.example").get("workflow-forms/")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.org"
    assert "Access-Control-Allow-Origin" not in refused
    preflight = Api().client.options(
        f"/api/v3/workflow-forms/{forms.city.pk}/submissions/",
        HTTP_ORIGIN="https://app.example.org",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="POST",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="content-type",
    )
    assert preflight["Access-Control-Allow-Origin"] == "https://app.example.org"


def test_submissions_need_no_csrf_token(forms):
    client = Api(enforce_csrf_checks=True)
    response = client.post(f"workflow-forms/{forms.city.pk}/submissions/", city_answers(forms))
    assert response.status_code == 201
    assert city_data(forms)["city"] == "Seoul"


def test_the_openapi_document_is_valid_3_1_and_describes_every_status_of_the_plugin(anonymous, forms):
    document = anonymous.get("openapi.json").json()
    validate(document)
    assert document["openapi"].startswith("3.1")
    expected = {
        ("/api/v3/workflow-forms/", "get"): {"200", "400"},  # 400: a ?locale= that is not a language of the site
        ("/api/v3/workflow-forms/{form_id}/", "get"): {"200", "400", "404", "422"},
        ("/api/v3/workflow-forms/{form_id}/submissions/", "post"): {"200", "201", "400", "404", "415", "422", "429"},
        ("/api/v3/applications/status/{token}/", "get"): {"200", "404", "429"},
        ("/api/v3/applications/status/{token}/withdraw/", "post"): {"200", "400", "404", "409", "422", "429"},
        ("/api/v3/applications/status/{token}/resubmit/", "post"): {"200", "400", "404", "409", "415", "422", "429"},
        ("/api/v3/applications/", "get"): {"200", "400", "401", "422"},
        ("/api/v3/applications/{application_id}/", "get"): {"200", "401", "404", "422"},
        ("/api/v3/applications/{application_id}/transitions/{name}/", "post"): {
            "200",
            "400",
            "401",
            "403",
            "404",
            "409",
            "422",
        },
        ("/api/v3/applications/{application_id}/notes/", "post"): {"201", "400", "401", "403", "404", "422"},
    }
    for (path, method), statuses in expected.items():
        operation = document["paths"][path][method]
        assert set(operation["responses"]) == statuses, (path, method)
        for status, response in operation["responses"].items():
            if status >= "400":
                assert "application/problem+json" in response["content"], (path, status)
                assert response["content"]["application/problem+json"]["example"]["status"] == int(status)
    submission = document["paths"]["/api/v3/workflow-forms/{form_id}/submissions/"]["post"]
    assert set(submission["requestBody"]["content"]) == {"application/json", "multipart/form-data"}
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]
    assert {} in document["paths"]["/api/v3/workflow-forms/"]["get"]["security"]


def test_links_lead_from_each_response_to_the_next_call_a_client_makes(anonymous, forms):
    """OpenAPI links (used by clients and by the fuzzer's stateful phase) name real operations and fill
    exactly the path parameters those operations take."""
    document = anonymous.get("openapi.json").json()
    operations = {
        operation["operationId"]: (path, operation)
        for path, methods in document["paths"].items()
        for operation in methods.values()
    }
    links = {
        (operation["operationId"], status, name): link
        for _path, operation in operations.values()
        for status, response in operation["responses"].items()
        for name, link in response.get("links", {}).items()
    }

    for (source, status, name), link in links.items():
        path, _target = operations[link["operationId"]]
        path_parameters = set(re.findall(r"{(\w+)}", path))
        assert set(link["parameters"]) == path_parameters, (source, status, name)
    assert {(source, status, name) for source, status, name in links} >= {
        ("workflow_forms_list", "200", "FormSchema"),
        ("workflow_forms_detail", "200", "Submit"),
        ("workflow_forms_submit", "201", "Status"),
        ("workflow_forms_submit", "201", "Withdraw"),
        ("applications_status", "200", "Resubmit"),
        ("applications_list", "200", "Application"),
        ("applications_detail", "200", "Transition"),
        ("applications_transition", "200", "AddNote"),
    }
    submitted = links[("workflow_forms_submit", "201", "Status")]
    assert submitted["parameters"] == {"token": "$response.body#/status_token"}


def test_the_document_states_what_the_server_checks_on_simple_inputs(anonymous, forms):
    """Where the server refuses a value, the document says so, so a client can know before it asks."""
    document = anonymous.get("openapi.json").json()
    listing = document["paths"]["/api/v3/applications/"]["get"]
    search = next(parameter for parameter in listing["parameters"] if parameter["name"] == "search")
    assert search["schema"]["anyOf"][0]["pattern"] == "^[^\\x00]*$"
    withdraw = document["components"]["schemas"]["WithdrawIn"]
    assert withdraw["properties"]["confirm"]["const"] is True


@pytest.mark.parametrize("listing", ["pages/", "redirects/", "sites/", "images/", "documents/", "applications/"])
def test_an_offset_past_any_listing_is_a_422_problem_not_a_server_error(staff, listing):
    """Wagtail's listings took any offset, and SQLite fails past 2**63 ("datatype mismatch")."""
    api = staff["coordinator"][1]

    response = api.get(listing, {"offset": 2**70, "limit": 1})

    assert response.status_code == 422, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert api.get(listing, {"offset": 5, "limit": 1}).status_code in (200, 403), "a sane offset still works"
    parameters = api.get("openapi.json").json()["paths"][f"/api/v3/{listing}"]["get"]["parameters"]
    assert next(p for p in parameters if p["name"] == "offset")["schema"]["maximum"] == 2**31 - 1


@pytest.mark.parametrize(
    ("path", "query"),
    [("pages/find/", {"html_path": "/", "site": "localhost:b"}), ("pages/", {"site": "localhost:b"})],
)
def test_a_site_filter_whose_port_is_not_a_number_finds_no_site(anonymous, path, query):
    """Wagtail 8.0 looked the port up as given: "Field 'port' expected a number", a 500 (found by fuzz-api)."""
    response = anonymous.get(path, query)

    assert response.status_code == 404, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert anonymous.get("pages/", {"site": "localhost:80"}).status_code == 200, "a numeric port still filters"
