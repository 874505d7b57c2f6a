"""Workflow forms as data: the schema a front end renders, and its answers turned into the HTML form's input.

Both sides use the page's own form class (``AbstractWorkflowFormPage.get_form_class``), so the API accepts
exactly what the HTML form accepts, with the same messages.
"""

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.utils.datastructures import MultiValueDict
from wagtail.models import Page, get_page_models

from ..abuse import ACCEPTED_TYPES, HONEYPOT_FIELD_NAME, max_upload_size
from ..forms import UploadField
from ..pages import AbstractWorkflowFormPage

SCALARS = (str, int, float, bool)


def workflow_form_page_models() -> list[type[AbstractWorkflowFormPage]]:
    return [model for model in get_page_models() if issubclass(model, AbstractWorkflowFormPage)]


def live_form_pages():
    """The public, live workflow form pages, as their specific types."""
    models = workflow_form_page_models()
    if not models:
        return Page.objects.none()
    return Page.objects.live().public().type(*models).specific().order_by("path")


def form_kind(page) -> str:
    """The kind a form creates, as its model label, e.g. ``myapp.application``."""
    return page.submission_model._meta.label_lower


def _field_type(field: forms.Field) -> str:
    widget = field.widget
    if isinstance(field, UploadField):
        return "file"
    if isinstance(field, forms.BooleanField):
        return "checkbox"
    if isinstance(field, forms.MultipleChoiceField | forms.ModelMultipleChoiceField):
        return "checkboxes" if isinstance(widget, forms.CheckboxSelectMultiple) else "multiselect"
    if isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
        return "radio" if isinstance(widget, forms.RadioSelect) else "select"
    if isinstance(field, forms.EmailField):
        return "email"
    if isinstance(field, forms.URLField):
        return "url"
    if isinstance(field, forms.DateTimeField):
        return "datetime"
    if isinstance(field, forms.DateField):
        return "date"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return "number"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    return "text"


def _choices(field: forms.Field) -> list[dict] | None:
    if isinstance(field, forms.ModelChoiceField):  # includes ModelMultipleChoiceField
        return [{"value": str(obj.pk), "label": str(field.label_from_instance(obj))} for obj in field.queryset]
    if isinstance(field, forms.ChoiceField):
        return [
            {"value": str(value), "label": str(label)}
            for value, label in field.choices
            if value not in ("", None) and not isinstance(label, list | tuple)
        ]
    return None


def field_schema(name: str, field: forms.Field) -> dict:
    kind = _field_type(field)
    upload = kind == "file"
    return {
        "name": name,
        "label": str(field.label or name),
        "help_text": str(field.help_text or ""),
        "type": kind,
        "required": bool(field.required),
        "max_length": getattr(field, "max_length", None),
        "multiple": kind in ("checkboxes", "multiselect"),
        "choices": _choices(field),
        "accepted_file_types": [
            {"label": accepted.label, "mime_type": accepted.mime, "extensions": list(accepted.extensions)}
            for accepted in ACCEPTED_TYPES
        ]
        if upload
        else None,
        "max_file_size": max_upload_size() if upload else None,
    }


def build_form(page, *args, **kwargs):
    kwargs.setdefault("user", AnonymousUser())
    return page.get_form(*args, page=page, **kwargs)


def form_schema(page) -> dict:
    """Everything a front end needs to render ``page``'s form: its fields, texts and the honeypot's name."""
    form = build_form(page)
    extra = set(form.extra_field_names)
    fields = []
    for name, field in form.fields.items():
        if name == HONEYPOT_FIELD_NAME:
            continue
        fields.append({**field_schema(name, field), "extra_question": name in extra})
    return {
        "id": page.pk,
        "kind": form_kind(page),
        "title": page.title,
        "intro": page.intro or "",
        "thank_you_text": page.thank_you_text or "",
        "honeypot_field": HONEYPOT_FIELD_NAME,
        "fields": fields,
        "steps": [
            {"title": str(step.title), "intro": str(step.intro or ""), "fields": step.field_names}
            for step in type(form).form_steps
        ],
    }


class AnswerError(ValueError):
    """An answer whose JSON type no form field takes (an object, or a list of non-scalars)."""

    def __init__(self, field_errors: dict):
        self.field_errors = field_errors
        super().__init__(str(field_errors))


def _as_form_value(value):
    if isinstance(value, bool):
        return value
    return str(value)


def answers_as_form_data(answers) -> MultiValueDict:
    """JSON answers (``{"name": "text" | number | true | ["1", "2"]}``) as the form's ``data``.

    Lists become repeated values (tick boxes, multiple choices); booleans stay booleans (a tick box); null is
    an empty answer. Objects cannot answer any field: they are refused with a message per field.
    """
    if not isinstance(answers, dict):
        raise AnswerError({None: "Send the answers as a JSON object of field names and values."})
    data = MultiValueDict()
    errors = {}
    for name, value in answers.items():
        if value is None:
            continue
        if isinstance(value, list) and all(isinstance(item, SCALARS) for item in value):
            data.setlist(name, [_as_form_value(item) for item in value])
        elif isinstance(value, SCALARS):
            data.setlist(name, [_as_form_value(value)])
        else:
            errors[name] = "Send a text, a number, true/false or a list of those."
    if errors:
        raise AnswerError(errors)
    return data
