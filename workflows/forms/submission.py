"""The applicant's form: the kind's core fields, the page's extra questions, and a honeypot."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from ..abuse import HONEYPOT_MESSAGE, honeypot_filled
from ..validators import unstorable_text_error
from .fields import Upload, UploadField
from .honeypot import WithHoneypot

ONE_ANSWER_MESSAGE = _("Give one answer to this question, not a list.")
CHOOSE_FILE_AGAIN = _(
    "You chose “%(name)s”: choose it again before you send the form. A browser cannot keep a chosen file when "
    "the form comes back with a problem."
)


def _sent_values(data, name: str) -> list:
    return data.getlist(name) if hasattr(data, "getlist") else [data[name]] if name in data else []


class WorkflowSubmissionForm(WithHoneypot, forms.ModelForm):
    """Base of every workflow form.

    The page builds the final class with ``modelform_factory(submission_model, form=<this or a subclass>,
    fields=submission_model.core_fields)`` and appends the editor's extra questions as declared fields. Site
    kinds subclass it to set widgets and messages (in ``Meta``) or to declare core uploads (``UploadField``).
    """

    #: Set on the class the page builds: names of the editor-added questions, in order.
    extra_field_names: tuple[str, ...] = ()

    def __init__(self, *args, page=None, user=None, **kwargs):
        self.page = page
        self.user = user
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if not field.required or not isinstance(field.widget, forms.RadioSelect):
                continue
            # Django's "---------" placeholder is for a select; as a radio button it is an answer nobody means.
            if isinstance(field, forms.ModelChoiceField):
                field.empty_label = None  # without running the choices' query (tick boxes have no placeholder)
            elif not getattr(field.widget, "allow_multiple_selected", False):
                field.choices = [(value, label) for value, label in field.choices if value not in ("", None)]

    def full_clean(self):
        super().full_clean()
        if self._errors:
            self._ask_for_chosen_files_again()

    def _ask_for_chosen_files_again(self):
        """The form comes back with a problem elsewhere, and the file input is empty again (no browser keeps a
        file across a page load): say so next to each file that was fine, in its help (read with the input)."""
        for name, field in self.fields.items():
            uploaded = getattr(self, "cleaned_data", {}).get(name)
            if not isinstance(field, UploadField) or name in self._errors or not getattr(uploaded, "name", None):
                continue
            notice = CHOOSE_FILE_AGAIN % {"name": uploaded.name}
            field.help_text = format_html("{} {}", notice, field.help_text)
            self[name].help_text = field.help_text  # the bound field copied the help when validation made it

    def clean(self):
        cleaned_data = super().clean()
        self._refuse_what_cannot_be_an_answer()
        if honeypot_filled(self.data):
            raise ValidationError(HONEYPOT_MESSAGE, code="honeypot")
        return cleaned_data

    def _refuse_what_cannot_be_an_answer(self):
        """Several values for a one-answer question (a widget would silently keep the last), and text no
        database can store (NUL, lone surrogates), in any field: Django's text fields refuse NUL, not the rest."""
        for name, field in self.fields.items():
            if isinstance(field, UploadField) or name in self._errors:
                continue
            values = _sent_values(self.data, self.add_prefix(name))
            if len(values) > 1 and not getattr(field.widget, "allow_multiple_selected", False):
                self.add_error(name, ValidationError(ONE_ANSWER_MESSAGE, code="not_a_list"))
                continue
            problems = [unstorable_text_error(value) for value in values if isinstance(value, str)]
            if any(problems):
                self.add_error(name, ValidationError(next(filter(None, problems)), code="unstorable_text"))

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
