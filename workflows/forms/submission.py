"""The applicant's form: the kind's core fields, the page's extra questions, and a honeypot."""

from django import forms
from django.core.exceptions import ValidationError

from ..abuse import HONEYPOT_FIELD_NAME, HONEYPOT_MESSAGE, HoneypotField, honeypot_filled
from .fields import Upload, UploadField


class WorkflowSubmissionForm(forms.ModelForm):
    """Base of every workflow form.

    The page builds the final class with ``modelform_factory(submission_model, form=<this or a subclass>,
    fields=submission_model.core_fields)`` and appends the editor's extra questions as declared fields. Site
    kinds subclass it to set widgets and messages (in ``Meta``) or to declare core uploads (``UploadField``).
    """

    #: Set on the class the page builds: names of the editor-added questions, in order.
    extra_field_names: tuple[str, ...] = ()

    def __init__(self, *args, page=None, user=None, **kwargs):
        kwargs.setdefault("label_suffix", "")
        self.page = page
        self.user = user
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD_NAME] = HoneypotField()
        for field in self.fields.values():
            if field.required and isinstance(field.widget, forms.RadioSelect):
                # Django's "---------" placeholder is for a select; as a radio button it is an answer nobody means.
                field.choices = [(value, label) for value, label in field.choices if value not in ("", None)]

    def clean(self):
        cleaned_data = super().clean()
        if honeypot_filled(self.data):
            raise ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        return cleaned_data

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD_NAME]

    def uploads(self) -> list[Upload]:
        """The files uploaded with this submission, validated by their ``UploadField``."""
        return [
            Upload(
                field_name=name,
                label=str(field.label),
                file=self.cleaned_data[name],
                content_type=self.cleaned_data[name].detected_type,
            )
            for name, field in self.fields.items()
            if isinstance(field, UploadField) and getattr(self.cleaned_data.get(name), "detected_type", None)
        ]
