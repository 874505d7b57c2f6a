"""Around an assessment request: the reminders sent for it, and the conflicts of interest staff declare.

A reminder row is written in the same transaction that queues its mail, under a unique constraint per request
and kind, so two workers running the reminders at once cannot both send one. A declared conflict keeps that
person away from that submission's assessments: never offered as a reviewer again, and refused its assessments.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .assessments import Assessment
from .records import SubmissionRecord


class ReminderKind(models.TextChoices):
    BEFORE = "before", _("Before the due date")
    DUE = "due", _("On the due date")


class AssessmentReminder(models.Model):
    """One reminder mailed for one request: at most one of each kind."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="reminders")
    kind = models.CharField(_("kind"), max_length=16, choices=ReminderKind.choices)
    sent_at = models.DateTimeField(_("queued"), auto_now_add=True)

    class Meta:
        ordering = ["sent_at", "pk"]
        verbose_name = _("assessment reminder")
        verbose_name_plural = _("assessment reminders")
        constraints = [
            models.UniqueConstraint(fields=["assessment", "kind"], name="workflow_forms_reminder_once_per_kind")
        ]

    def __str__(self):
        return f"{self.assessment_id} · {self.kind}"


class AssessmentConflict(SubmissionRecord):
    """A staff member's conflict of interest with one submission, declared by them or by a coordinator."""

    # CASCADE: the declaration is about that account; without it there is no one left to keep away.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )
    note = models.TextField(_("note"), blank=True)
    declared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("declared by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    declared_at = models.DateTimeField(_("declared"), auto_now_add=True)

    class Meta(SubmissionRecord.Meta):
        ordering = ["declared_at", "pk"]
        verbose_name = _("conflict of interest")
        verbose_name_plural = _("conflicts of interest")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "user"], name="workflow_forms_conflict_once_per_person"
            )
        ]

    def __str__(self):
        return f"{self.user} · {self.content_type_id}:{self.object_id}"

    @property
    def on_behalf(self) -> bool:
        return self.declared_by_id is not None and self.declared_by_id != self.user_id
