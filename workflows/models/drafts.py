"""A form filled in part: the answers of a multi-step form between its steps, and "save and continue later"."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FormDraft(models.Model):
    """Answers to a workflow form not sent yet: only the applicant's, never shown to staff (only counted).

    The browser that fills the form holds a random key in a cookie (``browser_key_hash`` is its hash); "save and
    continue later" mails a private link whose token's hash is ``token_hash``. Uploaded files are
    ``SubmittedFile`` rows pointing at the draft (stored privately, checked like any upload); sending the form
    copies them to the submission and deletes the draft with its files.
    """

    page = models.ForeignKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="+")
    #: The answers as the browser sent them: field name -> list of values.
    data = models.JSONField(default=dict, blank=True)
    #: The step the applicant was on (0-based; the number of steps is the summary).
    step = models.PositiveSmallIntegerField(default=0)
    #: The furthest step reached, so the summary and "Change" links are offered only once reached.
    furthest_step = models.PositiveSmallIntegerField(default=0)
    email = models.EmailField(_("e-mail"), blank=True, db_index=True)
    language = models.CharField(_("language"), max_length=15, blank=True, default="")
    token_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)
    browser_key_hash = models.CharField(max_length=64, blank=True, default="", db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True, db_index=True)
    reminded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("form draft")
        verbose_name_plural = _("form drafts")

    def __str__(self):
        return f"draft {self.pk}"

    @property
    def saved(self) -> bool:
        """True once "save and continue later" mailed a link for it."""
        return bool(self.token_hash)
