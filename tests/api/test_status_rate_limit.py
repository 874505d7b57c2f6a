"""Wrong status tokens through the API: limited per IP address, answered 429 as problem+json with Retry-After."""

import pytest

from .conftest import Api

pytestmark = pytest.mark.django_db


def test_after_the_allowed_wrong_tokens_the_address_gets_429_and_another_address_still_gets_in(
    anonymous, submit_city, settings
):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, token = submit_city()
    for attempt in range(3):
        assert anonymous.get(f"applications/status/wrong-{attempt}/").status_code == 404

    refused = anonymous.get(f"applications/status/{token}/")
    withdraw = anonymous.post(f"applications/status/{token}/withdraw/", {"confirm": True})

    assert refused.status_code == withdraw.status_code == 429
    assert refused["Content-Type"] == "application/problem+json"
    assert refused.json()["status"] == 429
    assert 0 < int(refused["Retry-After"]) <= 3600
    elsewhere = Api(REMOTE_ADDR="203.0.113.9")
    assert elsewhere.get(f"applications/status/{token}/").status_code == 200


def test_right_tokens_do_not_use_up_the_allowance(anonymous, submit_city, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "2/h"
    _application, token = submit_city()

    for _ in range(5):
        assert anonymous.get(f"applications/status/{token}/").status_code == 200


def test_the_document_says_each_429_means_what_that_endpoint_limits(anonymous, forms):
    paths = anonymous.get("openapi.json").json()["paths"]
    status_operations = [
        paths["/api/v3/applications/status/{token}/"]["get"],
        paths["/api/v3/applications/status/{token}/withdraw/"]["post"],
        paths["/api/v3/applications/status/{token}/resubmit/"]["post"],
    ]
    submit = paths["/api/v3/workflow-forms/{form_id}/submissions/"]["post"]

    for operation in status_operations:
        too_many = operation["responses"]["429"]
        assert "status tokens that do not exist" in too_many["description"]
        assert "submissions" not in too_many["description"]
        assert "status tokens" in too_many["content"]["application/problem+json"]["example"]["detail"]
    assert "Too many submissions" in submit["responses"]["429"]["description"]


def test_once_limited_every_status_endpoint_answers_429_as_a_problem(anonymous, submit_city, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, token = submit_city()
    for attempt in range(3):
        anonymous.post(f"applications/status/wrong-{attempt}/resubmit/", {})

    answers = [
        anonymous.get(f"applications/status/{token}/"),
        anonymous.post(f"applications/status/{token}/withdraw/", {"confirm": True}),
        anonymous.post(f"applications/status/{token}/resubmit/", {}),
    ]

    assert [response.status_code for response in answers] == [429, 429, 429]
    assert {response["Content-Type"] for response in answers} == {"application/problem+json"}
    assert all(int(response["Retry-After"]) > 0 for response in answers)
