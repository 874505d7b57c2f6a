"""Headless clients see a form's steps in its schema: each step's title and the names of its fields, in order."""

import pytest

from cluster_pages.models import CityApplicationFormField

pytestmark = pytest.mark.django_db


def test_a_form_in_steps_lists_them_with_their_fields(anonymous, forms):
    for order, (title, sections) in enumerate([("About you", "Contact person"), ("Your city", "Your city")]):
        CityApplicationFormField.objects.create(
            page=forms.city, label=title, field_type="step", choices=sections, sort_order=order
        )

    schema = anonymous.get(f"workflow-forms/{forms.city.pk}/").json()

    assert [step["title"] for step in schema["steps"]] == ["About you", "Your city"]
    assert schema["steps"][0]["fields"] == ["applicant_name", "role", "applicant_email", "phone"]
    assert schema["steps"][1]["fields"][:3] == ["city", "country", "organisation"]
    assert "clusters" in schema["steps"][1]["fields"]  # sections no step names are on the last one
    every_field = [name for step in schema["steps"] for name in step["fields"]]
    assert sorted(every_field) == sorted(field["name"] for field in schema["fields"])


def test_a_form_in_one_page_has_no_steps(anonymous, forms):
    assert anonymous.get(f"workflow-forms/{forms.city.pk}/").json()["steps"] == []


def test_the_steps_are_in_the_openapi_document(anonymous, forms):
    document = anonymous.get("openapi.json").json()

    assert "steps" in document["components"]["schemas"]["WorkflowFormDetail"]["properties"]
