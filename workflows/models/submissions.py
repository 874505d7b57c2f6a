"""What every submission of a workflow form has, whatever its state machine."""

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..specs import state_member
from ..tokens import token_matches


class AbstractSubmission(models.Model):
    """A form submission with a reference, an applicant, structured answers and a private status link.

    Override points (class attributes):
    - ``reference_prefix``: two or three letters that start the reference, e.g. "CA" → CA-2026-000042.
    - ``core_fields``: names of the model fields the form always asks (see AbstractWorkflowFormPage).

    A concrete kind adds a ``state`` FSMField whose choices are a ``workflows.specs.StateChoices`` class (its
    default one of them), and ``@transition`` methods, each with its ``TransitionSpec``.
    """

    reference_prefix = "AP"
    core_fields: tuple[str, ...] = ()

    reference = models.CharField(_("reference"), max_length=32, unique=True, null=True, editable=False)
    applicant_name = models.CharField(_("applicant's name"), max_length=255)
    applicant_email = models.EmailField(_("applicant's e-mail"), db_index=True)
    answers = models.JSONField(
        _("answers to extra questions"),
        default=dict,
        blank=True,
        help_text=_("Keyed by field name; each answer keeps the question's label as it was when answered."),
    )
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    fingerprint = models.CharField(
        max_length=64, db_index=True, editable=False, help_text="Digest of form + e-mail + answers (double submits)."
    )
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(_("last change"), auto_now=True, db_index=True)

    transition_logs = GenericRelation("workflow_forms.TransitionLog")
    internal_notes = GenericRelation("workflow_forms.InternalNote")
    notifications = GenericRelation("workflow_forms.Notification")
    files = GenericRelation("workflow_forms.SubmittedFile")

    class Meta:
        abstract = True
        ordering = ["-submitted_at"]

    def __str__(self):
        return self.reference or _("(unsaved submission)")

    def applicant_label_for(self, state: str):
        """What the applicant is shown for ``state`` (declared on the state's choice)."""
        member = state_member(type(self), state)
        return member.applicant_label if member is not None else state

    @property
    def applicant_state_label(self):
        return self.applicant_label_for(self.state)

    @property
    def applicant_state_explanation(self):
        member = state_member(type(self), self.state)
        return member.applicant_explanation if member is not None else ""

    def token_is_valid(self, token: str) -> bool:
        return token_matches(token, self.status_token_hash)

    def after_transition(self, *, name: str, actor, log_entry) -> None:
        """Override point: side effects of a transition (e.g. a membership), run by ``perform_transition``
        inside its transaction, after the row is saved and logged; raising rolls the whole transition back."""
