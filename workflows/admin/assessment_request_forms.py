"""The forms around an assessment request: its due date, declining it, withdrawing or re-assigning it, and
recording a conflict of interest."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ..models import DeclineReason
from ..services.assessment_rules import due_date_error
from ..services.records import actor_label

NOTE_MAX = 10_000


class DueDateInput(forms.DateInput):
    """The browser's own date picker (keyboard and screen-reader friendly), ISO dates in and out."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")


def due_date_field(*, required: bool) -> forms.DateField:
    return forms.DateField(
        label=_("Due date"),
        required=required,
        widget=DueDateInput(),
        input_formats=["%Y-%m-%d"],
        help_text=_("A date in the site's time zone. Reviewers are reminded before it and on the day."),
        error_messages={"required": _("Choose a due date."), "invalid": _("Enter a date like 2026-12-24.")},
    )


def clean_due_date(value):
    if value is not None and (error := due_date_error(value)):
        raise forms.ValidationError(error)
    return value


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return actor_label(obj)


def _people(candidates) -> tuple:
    return get_user_model().objects.filter(pk__in=[user.pk for user in candidates]), [
        (user.pk, actor_label(user)) for user in candidates
    ]


class DeclineForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Why do you decline?"),
        choices=DeclineReason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose a conflict of interest or not available.")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Read by the coordinators only; never shown to the applicant, nor in their copy of their data. "
            "With a conflict of interest you will not be asked to assess this application again, nor see its "
            "assessments."
        ),
    )


class WithdrawForm(forms.Form):
    replacement = PersonChoiceField(
        label=_("Ask instead (optional)"),
        queryset=None,
        required=False,
        empty_label=_("Nobody: only withdraw"),
        help_text=_("The person asked instead is e-mailed a link to the assessment form."),
    )

    def __init__(self, *args, candidates, default_due, **kwargs):
        super().__init__(*args, **kwargs)
        queryset, choices = _people(candidates)
        self.fields["replacement"].queryset = queryset
        self.fields["replacement"].choices = [("", self.fields["replacement"].empty_label), *choices]
        self.fields["due_date"] = due_date_field(required=False)
        self.fields["due_date"].initial = default_due

    def clean_due_date(self):
        return clean_due_date(self.cleaned_data.get("due_date"))


class ConflictForm(forms.Form):
    person = PersonChoiceField(
        label=_("Who has a conflict of interest?"),
        queryset=None,
        error_messages={"required": _("Choose the person.")},
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=NOTE_MAX,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Read by the coordinators only; never shown to the applicant, nor in their copy of their data."),
    )

    def __init__(self, *args, people, **kwargs):
        super().__init__(*args, **kwargs)
        queryset, choices = _people(people)
        self.fields["person"].queryset = queryset
        self.fields["person"].choices = [("", "---------"), *choices]
