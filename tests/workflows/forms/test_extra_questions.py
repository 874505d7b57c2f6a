"""Editors' extra questions: asked after the core fields, answers stored with their label at the time."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from workflows.models import SubmittedFile

from ..testapp.models import ApplyFormField, MembershipApplication
from .conftest import FORM_URL, PDF_BYTES, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def questions(apply_form):
    page = apply_form.page
    ApplyFormField.objects.create(page=page, label="Population", field_type="number", sort_order=0)
    ApplyFormField.objects.create(
        page=page,
        label="Languages spoken",
        field_type="checkboxes",
        choices="English\nKorean\nSpanish",
        required=False,
        sort_order=1,
    )
    ApplyFormField.objects.create(page=page, label="Budget sheet", field_type="file", required=False, sort_order=2)
    return page


def test_extra_questions_are_asked_after_the_core_fields(client, questions):
    html = client.get(FORM_URL).content.decode()

    assert html.index('name="motivation"') < html.index('name="population"') < html.index('name="budget_sheet"')
    assert "<legend>More questions</legend>" in html


def test_answers_are_stored_with_their_labels(client, apply_form, questions):
    data = apply_form.data(population="9700000", languages_spoken=["English", "Korean"])
    data["budget_sheet"] = upload("budget.pdf", PDF_BYTES)

    client.post(FORM_URL, data)

    application = MembershipApplication.objects.get()
    assert application.answers == {
        "population": {"label": "Population", "value": "9700000"},
        "languages_spoken": {"label": "Languages spoken", "value": ["English", "Korean"]},
    }
    record = SubmittedFile.objects.get()
    assert (record.field_name, record.field_label) == ("budget_sheet", "Budget sheet")


def test_renaming_a_question_later_does_not_change_old_answers(client, apply_form, questions):
    client.post(FORM_URL, apply_form.data(population="9700000"))
    question = ApplyFormField.objects.get(clean_name="population")
    question.label = "Inhabitants (2025 census)"
    question.save()

    application = MembershipApplication.objects.get()
    assert application.answers["population"] == {"label": "Population", "value": "9700000"}
    html = client.get(FORM_URL).content.decode()
    assert "Inhabitants (2025 census)" in html and 'name="population"' in html, "the stored name stays"


def test_a_required_extra_question_is_validated(client, apply_form, questions):
    response = client.post(FORM_URL, apply_form.data())

    assert 'id="id_population_error"' in response.content.decode()
    assert not MembershipApplication.objects.exists()


def _edit(client, superuser, password, page, labels):
    client.login(username=superuser.username, password=password)
    data = nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": rich_text("<p>Intro</p>"),
            "thank_you_text": rich_text("<p>Thanks</p>"),
            "from_address": "",
            "alert_address": "",
            "action-publish": "action-publish",
            "form_fields": inline_formset(
                [{"label": label, "field_type": "singleline", "required": "", "help_text": ""} for label in labels]
            ),
        }
    )
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


def test_an_editor_cannot_add_a_question_that_takes_a_core_fields_name(client, apply_form, superuser, password):
    response = _edit(client, superuser, password, apply_form.page, ["Organisation", "Twin cities"])

    assert response.status_code == 200, "the edit form is shown again"
    assert "would be stored as “organisation”, which is a core field" in response.content.decode()
    assert not ApplyFormField.objects.exists()


def test_an_editor_can_add_a_question_with_a_new_name(client, apply_form, superuser, password):
    response = _edit(client, superuser, password, apply_form.page, ["Twin cities"])

    assert response.status_code == 302
    assert list(ApplyFormField.objects.values_list("clean_name", flat=True)) == ["twin_cities"]
