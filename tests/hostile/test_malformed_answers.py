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
