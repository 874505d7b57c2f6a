"""The mail outbox: written in the same transaction as the change, sent by a background task."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .records import SubmissionRecord


class NotificationState(models.TextChoices):
    PENDING = "pending", _("Pending")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Failed")


class Notification(SubmissionRecord):
    """One e-mail to one recipient, rendered from ``template`` with ``context`` when sent."""

    recipient_email = models.EmailField(_("to"))
    recipient_user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    to_applicant = models.BooleanField(_("to the applicant"), default=False)
    template = models.CharField(_("template"), max_length=100)
    context = models.JSONField(_("context"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=16, choices=NotificationState.choices, default=NotificationState.PENDING, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.TextField(_("last error"), blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    # A worker's committed claim while it talks to the mail server; after it expires the mail may be sent again.
    sending_until = models.DateTimeField(_("being sent until"), null=True, blank=True)
    created_at = models.DateTimeField(_("queued"), auto_now_add=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta(SubmissionRecord.Meta):
        ordering = ["created_at", "pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")

    def __str__(self):
        return f"{self.template} → {self.recipient_email} ({self.get_state_display()})"
