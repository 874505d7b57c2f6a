"""The forms of structured assessments: whom to ask, and a reviewer's scores, recommendation and comment."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from ..models import Recommendation
from ..services.records import actor_label
from .assessment_request_forms import clean_due_date, due_date_field

#: True of what happens to a comment: ``selectors.personal_data`` puts the comments given in an applicant's copy.
COMMENT_HELP = _(
    "Staff read it. The applicant never sees it on the status page, in mails or in the applicant API, but an "
    "applicant who asks for a copy of their data receives it, without your name."
)


class ReviewerChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return actor_label(obj)


class AssessmentRequestForm(forms.Form):
    """Reviewers to ask, chosen from those who may assess (``assessor_candidates``)."""

    reviewers = ReviewerChoiceField(
        label=_("Reviewers"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Each one is e-mailed a link to the assessment form."),
        error_messages={"required": _("Choose at least one reviewer.")},
    )

    def __init__(self, *args, candidates, default_due=None, **kwargs):
        super().__init__(*args, **kwargs)
        # Not required: left empty, the kind's default applies (as when an older client posts without it).
        self.fields["due_date"] = due_date_field(required=False)
        self.fields["due_date"].initial = default_due

        order = {user.pk: index for index, user in enumerate(candidates)}
        self.fields["reviewers"].queryset = get_user_model().objects.filter(pk__in=order)
        self.fields["reviewers"].choices = [(user.pk, actor_label(user)) for user in candidates]

    def clean_due_date(self):
        return clean_due_date(self.cleaned_data.get("due_date"))


class AssessmentForm(forms.Form):
    """A score (1–5, with its labels) per criterion of the kind, a recommendation and a comment."""

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                help_text=criterion.help_text,
                choices=criterion.score_choices,
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={"required": _("Give “%(criterion)s” a score.") % {"criterion": criterion.name}},
            )
        self.fields["recommendation"] = forms.ChoiceField(
            label=_("Recommendation"),
            choices=Recommendation.choices,
            widget=forms.RadioSelect,
            error_messages={"required": _("Choose a recommendation.")},
        )
        self.fields["comment"] = forms.CharField(
            label=_("Comment"),
            help_text=COMMENT_HELP,
            required=False,
            max_length=10_000,
            widget=forms.Textarea(attrs={"rows": 6}),
        )

    def score_fields(self):
        return [self[f"score_{criterion.pk}"] for criterion in self.criteria]

    def scores(self) -> dict[int, int]:
        return {criterion.pk: self.cleaned_data[f"score_{criterion.pk}"] for criterion in self.criteria}

    @classmethod
    def initial_for(cls, assessment) -> dict:
        if assessment is None or assessment.given_at is None:
            return {}
        initial = {"recommendation": assessment.recommendation, "comment": assessment.comment}
        initial.update({f"score_{score.criterion_id}": score.score for score in assessment.scores.all()})
        return initial
