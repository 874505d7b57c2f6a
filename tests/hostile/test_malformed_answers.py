"""Answers no form could have sent: a clear 4xx and nothing stored, never a server error."""

import pytest

from cluster_pages.models import ThemeSuggestion
from tests.site_forms.support import theme_data

pytestmark = pytest.mark.django_db


def test_a_deeply_nested_body_is_a_400_problem(anonymous, forms):
    response = anonymous.client.post(
        f"/api/v3/workflow-forms/{forms.theme.pk}/submissions/", b"[" * 100_000, content_type="application/json"
    )

    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert not ThemeSuggestion.objects.exists()


def test_a_deeply_nested_staff_body_is_a_400_problem(staff, submit_city):
    application, _token = submit_city()
    _user, api = staff["coordinator"]

    response = api.client.post(
        f"/api/v3/applications/{application.pk}/notes/",
        b"[" * 100_000,
        content_type="application/json",
        **api._headers(),
    )

    assert response.status_code == 400


def test_a_list_where_one_text_is_expected_is_a_422(anonymous, forms):
    response = anonymous.post(
        f"workflow-forms/{forms.theme.pk}/submissions/", {**theme_data(), "applicant_name": ["Sam", "Lee"]}
    )

    assert response.status_code == 422, response.content
    assert response.json()["errors"][0]["loc"] == ["body", "applicant_name"]
    assert response.json()["errors"][0]["type"] == "not_a_list"
    assert not ThemeSuggestion.objects.exists()


def test_a_repeated_html_field_for_a_one_answer_question_is_refused(client, forms):
    data = {**theme_data(), "applicant_name": ["Sam", "Lee"]}

    response = client.post(forms.theme.url, data)

    assert response.status_code == 200  # the form again, with the message beside the question
    assert "Give one answer to this question" in response.content.decode()
    assert not ThemeSuggestion.objects.exists()


def test_several_choices_are_still_a_list(anonymous, forms):
    from tests.api.conftest import city_answers

    response = anonymous.post(f"workflow-forms/{forms.city.pk}/submissions/", city_answers(forms))

    assert response.status_code == 201, response.content


NAMELESS_PART = b"--B0undary\r\n-662776696--B0undary--\r\n"  # what the API fuzzer sent: a part with no headers


@pytest.mark.parametrize("operation", ["draft", "draft change", "submission"])
def test_a_multipart_body_without_a_named_part_is_a_400_and_changes_nothing(anonymous, forms, operation):
    """Django skips a part without Content-Disposition silently; the body would have read as "no answers"
    and been kept as an empty draft (found by the API fuzzer: 201 for a body that is not an object)."""
    from workflows.models import FormDraft

    path = {
        "draft": f"workflow-forms/{forms.theme.pk}/drafts/",
        "submission": f"workflow-forms/{forms.theme.pk}/submissions/",
    }.get(operation)
    method = "POST"
    if operation == "draft change":
        created = anonymous.post(f"workflow-forms/{forms.theme.pk}/drafts/", {"applicant_name": "Sam"})
        path, method = f"workflow-forms/drafts/{created.json()['token']}/", "PATCH"
    drafts_before = list(FormDraft.objects.values_list("pk", "data"))

    response = anonymous.client.generic(
        method, f"/api/v3/{path}", NAMELESS_PART, content_type="multipart/form-data; boundary=B0undary"
    )

    assert response.status_code == 400, response.content
    assert response["Content-Type"] == "application/problem+json"
    assert "no named part" in response.json()["detail"]
    assert list(FormDraft.objects.values_list("pk", "data")) == drafts_before
    assert not ThemeSuggestion.objects.exists()


def test_an_empty_multipart_body_is_still_an_empty_draft(anonymous, forms):
    response = anonymous.client.generic(
        "POST",
        f"/api/v3/workflow-forms/{forms.theme.pk}/drafts/",
        b"--B0undary--\r\n",
        content_type="multipart/form-data; boundary=B0undary",
    )

    assert response.status_code == 201, response.content
    assert response.json()["answers"] == {}
