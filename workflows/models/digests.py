"""The daily staff digest: who wants it, and which days it was sent (one row per person and day, so two workers
sending at once cannot both send it)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class StaffDigestPreference(models.Model):
    """A staff member's choice (Account › Daily digest). Without a row: on for coordinators, off for others."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="workflow_digest_preference"
    )
    wants_digest = models.BooleanField(
        _("Send me a daily digest"),
        default=True,
        help_text=_(
            "One e-mail a day listing what awaits you: applications you can move on, and assessments asked of you "
            "(overdue ones first). Nothing is sent on a day when nothing awaits you."
        ),
    )

    class Meta:
        verbose_name = _("daily digest preference")
        verbose_name_plural = _("daily digest preferences")

    def __str__(self):
        return f"{self.user} · {self.wants_digest}"


class StaffDigest(models.Model):
    """One digest sent to one person on one day (a date in the site's time zone)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    day = models.DateField(_("day"))
    sent_at = models.DateTimeField(_("sent"), auto_now_add=True)

    class Meta:
        ordering = ["-day", "pk"]
        verbose_name = _("daily digest sent")
        verbose_name_plural = _("daily digests sent")
        constraints = [models.UniqueConstraint(fields=["user", "day"], name="workflow_forms_digest_once_a_day")]

    def __str__(self):
        return f"{self.user} · {self.day}"
