"""The small forms of the workspace: a transition's inputs, and an internal note."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..ids import row_id
from ..specs import spec_for
from .filters import assignable_pages, target_label

NOTE_LABEL = _("Internal note")
#: True of what happens to a note: ``selectors.personal_data`` puts the notes in an applicant's copy of their data.
NOTE_HELP = _(
    "Staff read it. The applicant never sees it on the status page, in mails or in the applicant API, but an "
    "applicant who asks for a copy of their data receives it, without your name."
)
MESSAGE_LABEL = _("Message to the applicant")
MESSAGE_HELP = _("Sent to the applicant by e-mail and shown on their status page.")


def target_choices(model) -> list[tuple[int, str]]:
    """Pages applications of ``model`` may be assigned to that accept applications now."""
    probe = model()
    pages = assignable_pages(model).live().specific()
    return [(page.pk, target_label(page)) for page in pages if probe.target_accepts_applications(page)]


class TransitionInputsForm(forms.Form):
    """The inputs of transition ``name``, as its spec declares them (note, message, target)."""

    def __init__(self, *args, name: str, model, **kwargs):
        super().__init__(*args, **kwargs)
        spec = spec_for(model, name)
        for field in spec.inputs:
            build = getattr(self, f"_{field}_field", None)
            if build is not None:  # the applicant's inputs (confirm, answers) have no staff form field
                self.fields[field] = build(model, required=field in spec.required)
                if field in spec.required:  # the spec's words, e.g. "Give the reason the participation ends."
                    self.fields[field].error_messages["required"] = spec.required[field]

    @staticmethod
    def _target_field(model, *, required):
        return forms.TypedChoiceField(
            label=_("Assign to"), coerce=int, choices=[("", "---------"), *target_choices(model)], required=required
        )

    @staticmethod
    def _note_field(model, *, required):
        return forms.CharField(
            label=NOTE_LABEL, help_text=NOTE_HELP, widget=forms.Textarea(attrs={"rows": 3}), required=required
        )

    @staticmethod
    def _message_field(model, *, required):
        return forms.CharField(
            label=MESSAGE_LABEL, help_text=MESSAGE_HELP, widget=forms.Textarea(attrs={"rows": 4}), required=required
        )

    def transition_kwargs(self) -> dict:
        data = self.cleaned_data
        kwargs = {"note": data.get("note", ""), "message": data.get("message", "")}
        if "target" in self.fields:
            kwargs["target"] = Page.objects.filter(pk=data.get("target")).first() if data.get("target") else None
        return kwargs


class TransitionForm(TransitionInputsForm):
    """A transition's inputs on one row; ``state`` is the state the user saw, compared before anything runs."""

    state = forms.CharField(widget=forms.HiddenInput)


class SeenStatesField(forms.Field):
    """``["12:submitted", ...]`` → ``{12: "submitted"}``: each confirmed row and the state the user saw it in."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        seen = {}
        for item in value or []:
            pk, _sep, state = str(item).partition(":")
            number = row_id(pk)
            if number is not None and state:
                seen[number] = state
        return seen


class BulkTransitionForm(TransitionInputsForm):
    """A transition's inputs, given once for every confirmed row."""

    seen = SeenStatesField(error_messages={"required": _("Select at least one row.")})


class NoteForm(forms.Form):
    text = forms.CharField(label=NOTE_LABEL, help_text=NOTE_HELP, widget=forms.Textarea(attrs={"rows": 3}))
