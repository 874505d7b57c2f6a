"""What the hostile tests send payloads to: each public form's text fields, and where an answer is stored."""

from django import forms as django_forms

from cluster_pages.models import CityApplicationFormField
from tests.site_forms.support import city_data, company_data, theme_data
from workflows.abuse import HONEYPOT_FIELD_NAME
from workflows.api.forms import build_form

TEXT_WIDGETS = (django_forms.TextInput, django_forms.Textarea)


def add_extra_questions(forms) -> None:
    """An editor's text, date and number questions on the city form, so the corpus reaches them too."""
    for order, (label, kind) in enumerate([("Notes", "multiline"), ("Start date", "date"), ("Population", "number")]):
        CityApplicationFormField.objects.create(
            page=forms.city, label=label, field_type=kind, required=False, sort_order=order
        )


def valid_data(forms) -> dict:
    """Page -> valid HTML form data, for every public workflow form."""
    return {forms.city: city_data(forms), forms.company: company_data(forms), forms.theme: theme_data()}


def text_fields(page) -> list[str]:
    """The free-text questions of ``page``'s form (core and extra): the ones any text is an answer to."""
    form = build_form(page)
    return [
        name
        for name, field in form.fields.items()
        if type(field) is django_forms.CharField
        and isinstance(field.widget, TEXT_WIDGETS)
        and name != HONEYPOT_FIELD_NAME
    ]


def stored_answer(submission, name: str):
    if name in submission.answers:
        return submission.answers[name]["value"]
    return getattr(submission, name)


def assert_refused_or_stored_exactly(model, names: list[str], text: str) -> str:
    """Nothing stored, or one submission holding ``text`` (trimmed, as every text field trims) in each field."""
    submissions = list(model.objects.all())
    if not submissions:
        return "refused"
    [submission] = submissions
    assert {name: stored_answer(submission, name) for name in names} == dict.fromkeys(names, text.strip())
    return "stored"
