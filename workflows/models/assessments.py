"""Structured assessments: criteria per kind, and each requested reviewer's scores, recommendation and comment.

A *round* is one stay of a submission in a state: round 1 until its state first changes, and each transition
starts the next (its number is one more than the transitions logged). An assessment is requested in the
current round and can be given and edited until the submission leaves that state; then it is closed
(``closed_at``). A reviewer is asked at most once per round. When assessments are requested in a later round,
the earlier rounds' are kept but ``superseded``: the listing's count and mean read the latest round only.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import SubmissionRecord

SCORES = (1, 2, 3, 4, 5)
DEFAULT_SCORE_LABELS = {
    1: _("Poor"),
    2: _("Weak"),
    3: _("Adequate"),
    4: _("Good"),
    5: _("Excellent"),
}


class DeclineReason(models.TextChoices):
    CONFLICT_OF_INTEREST = "conflict_of_interest", _("Conflict of interest")
    UNAVAILABLE = "unavailable", _("Not available")


class Recommendation(models.TextChoices):
    ACCEPT = "accept", _("Accept")
    CHANGES = "changes", _("Ask for changes")
    DECLINE = "decline", _("Decline")


class AssessmentCriterion(models.Model):
    """One thing reviewers score (1–5) for submissions of one kind; coordinators edit them."""

    kind = models.ForeignKey(
        ContentType,
        verbose_name=_("kind"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The kind of submission this criterion is scored for."),
    )
    name = models.CharField(_("name"), max_length=120)
    help_text = models.CharField(
        _("help text"), max_length=500, blank=True, help_text=_("What reviewers should look at when scoring it.")
    )
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0, help_text=_("Lower numbers come first."))
    label_1 = models.CharField(_("label of score 1"), max_length=60, blank=True, help_text=_("Default: Poor."))
    label_2 = models.CharField(_("label of score 2"), max_length=60, blank=True, help_text=_("Default: Weak."))
    label_3 = models.CharField(_("label of score 3"), max_length=60, blank=True, help_text=_("Default: Adequate."))
    label_4 = models.CharField(_("label of score 4"), max_length=60, blank=True, help_text=_("Default: Good."))
    label_5 = models.CharField(_("label of score 5"), max_length=60, blank=True, help_text=_("Default: Excellent."))

    class Meta:
        ordering = ["kind", "sort_order", "pk"]
        verbose_name = _("assessment criterion")
        verbose_name_plural = _("assessment criteria")
        constraints = [models.UniqueConstraint(fields=["kind", "name"], name="workflow_forms_criterion_unique_name")]

    def __str__(self):
        return self.name

    def score_label(self, score: int) -> str:
        return getattr(self, f"label_{score}", "") or str(DEFAULT_SCORE_LABELS.get(score, score))

    @property
    def score_choices(self) -> list[tuple[int, str]]:
        return [(score, f"{score} – {self.score_label(score)}") for score in SCORES]


class AssessmentQuerySet(models.QuerySet):
    def answerable(self):
        """Requests the reviewer can still answer (``is_open and not is_ended``): not closed, declined or withdrawn."""
        return self.filter(closed_at__isnull=True, declined_at__isnull=True, withdrawn_at__isnull=True)

    def awaited(self):
        """Answerable requests whose assessment has not been given yet (``is_awaited``)."""
        return self.answerable().filter(given_at__isnull=True)


class Assessment(SubmissionRecord):
    """One reviewer's assessment of one submission in one round: requested, then given (and edited)."""

    # SET_NULL: deleting a staff account keeps the assessments it gave (and the aggregates decisions relied on).
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewer"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("requested by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField(_("requested"), auto_now_add=True)
    round = models.PositiveIntegerField(_("round"))
    state = models.CharField(_("state when requested"), max_length=32)
    closed_at = models.DateTimeField(
        _("closed"), null=True, blank=True, help_text=_("When the submission moved on; no change after that.")
    )
    superseded = models.BooleanField(_("superseded by a later round"), default=False)
    recommendation = models.CharField(_("recommendation"), max_length=16, choices=Recommendation.choices, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    given_at = models.DateTimeField(_("given"), null=True, blank=True)
    changed_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    # The request's life beyond giving: see ``workflows.models.assessment_requests``.
    due_date = models.DateField(
        _("due"), null=True, blank=True, help_text=_("A date in the site's time zone; reminders lead up to it.")
    )
    declined_at = models.DateTimeField(_("declined"), null=True, blank=True)
    decline_reason = models.CharField(
        _("reason for declining"), max_length=32, choices=DeclineReason.choices, blank=True
    )
    decline_note = models.TextField(_("note on declining"), blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)
    withdrawn_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("withdrawn by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    objects = AssessmentQuerySet.as_manager()

    class Meta(SubmissionRecord.Meta):
        ordering = ["-round", "requested_at", "pk"]
        verbose_name = _("assessment")
        verbose_name_plural = _("assessments")
        permissions = [("request_assessment", _("Can request assessments from reviewers"))]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "reviewer", "round"],
                name="workflow_forms_assessment_once_per_round",
            )
        ]
        indexes = [
            models.Index(fields=["content_type", "object_id", "superseded"]),
            models.Index(fields=["reviewer", "given_at", "closed_at"]),
        ]

    def __str__(self):
        return f"{self.reviewer} · round {self.round}"

    @property
    def is_given(self) -> bool:
        return self.given_at is not None

    @property
    def is_open(self) -> bool:
        return self.closed_at is None

    @property
    def is_ended(self) -> bool:
        """Declined by the reviewer or withdrawn by a coordinator: nothing is awaited from the reviewer."""
        return self.declined_at is not None or self.withdrawn_at is not None

    @property
    def is_awaited(self) -> bool:
        """Requested, not given, and still answerable: the reviewer is expected to assess."""
        return self.given_at is None and self.is_open and not self.is_ended

    def is_overdue(self, today) -> bool:
        return self.is_awaited and self.due_date is not None and self.due_date < today


class AssessmentScore(models.Model):
    """The score an assessment gives one criterion."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="scores")
    criterion = models.ForeignKey(
        AssessmentCriterion, verbose_name=_("criterion"), on_delete=models.PROTECT, related_name="scores"
    )
    score = models.PositiveSmallIntegerField(
        _("score"), validators=[MinValueValidator(min(SCORES)), MaxValueValidator(max(SCORES))]
    )

    class Meta:
        ordering = ["criterion__sort_order", "criterion__pk"]
        verbose_name = _("score")
        verbose_name_plural = _("scores")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "criterion"], name="workflow_forms_score_once"),
            models.CheckConstraint(
                condition=models.Q(score__gte=min(SCORES), score__lte=max(SCORES)), name="workflow_forms_score_1_to_5"
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.score}"

    @property
    def label(self) -> str:
        return self.criterion.score_label(self.score)
