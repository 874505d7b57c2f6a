"""What happened to a submission: the transition log, internal notes and uploaded files."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..storage import private_storage, submitted_file_path


class SubmissionRecord(models.Model):
    """Points at any submission (application or suggestion) by content type and id."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveBigIntegerField(db_index=True)
    submission = GenericForeignKey("content_type", "object_id")

    class Meta:
        abstract = True
        indexes = [models.Index(fields=["content_type", "object_id"])]


class TransitionLog(SubmissionRecord):
    """One row per transition (and per submission): who moved it, from where to where, and why."""

    transition = models.CharField(_("transition"), max_length=32)
    from_state = models.CharField(_("from"), max_length=32, blank=True)
    to_state = models.CharField(_("to"), max_length=32)
    actor_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    actor_label = models.CharField(
        _("by"), max_length=255, help_text=_("'applicant', or the staff member's name at the time.")
    )
    by_applicant = models.BooleanField(default=False)
    note = models.TextField(_("internal note"), blank=True)
    message = models.TextField(_("message to the applicant"), blank=True)
    timestamp = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta(SubmissionRecord.Meta):
        ordering = ["timestamp", "pk"]
        verbose_name = _("transition log entry")
        verbose_name_plural = _("transition log")
        indexes = [models.Index(fields=["content_type", "object_id", "timestamp"])]

    def __str__(self):
        return f"{self.transition}: {self.from_state or '∅'} → {self.to_state}"


class InternalNote(SubmissionRecord):
    """A note between staff; never shown to the applicant (status page, mail or API)."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("author"), null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)

    class Meta(SubmissionRecord.Meta):
        ordering = ["created_at", "pk"]
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")

    def __str__(self):
        return self.text[:60]


class SubmittedFileQuerySet(models.QuerySet):
    def current(self):
        """The files that answer their question now (not replaced by a later upload for the same question)."""
        return self.filter(replaced_at__isnull=True)


class SubmittedFile(SubmissionRecord):
    """A file an applicant uploaded; kept in private storage, served to staff through a checked view.

    A resubmission that sends a new file for a question marks the earlier one replaced; staff still see it.
    """

    field_name = models.CharField(_("question"), max_length=255)
    field_label = models.CharField(_("question label"), max_length=255)
    file = models.FileField(_("file"), storage=private_storage, upload_to=submitted_file_path, max_length=500)
    original_name = models.CharField(_("original file name"), max_length=255)
    content_type_detected = models.CharField(_("file type"), max_length=100)
    size = models.PositiveIntegerField(_("size in bytes"))
    uploaded_at = models.DateTimeField(auto_now_add=True)
    replaced_at = models.DateTimeField(
        _("replaced"),
        null=True,
        blank=True,
        help_text=_("When the applicant sent a new file for this question; the earlier file is kept for the record."),
    )

    objects = SubmittedFileQuerySet.as_manager()

    class Meta(SubmissionRecord.Meta):
        ordering = ["uploaded_at", "pk"]
        verbose_name = _("submitted file")
        verbose_name_plural = _("submitted files")

    def __str__(self):
        return self.original_name
