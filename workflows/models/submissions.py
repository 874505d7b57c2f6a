"""What every submission of a workflow form has, whatever its state machine."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _

from ..specs import state_member
from ..tokens import token_matches


def _is_model_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except FieldDoesNotExist:
        return False
    return True


class AbstractSubmission(models.Model):
    """A form submission with a reference, an applicant, structured answers and a private status link.

    Override points (class attributes), declared once on the kind and read by its form page, the admin's
    listing, filters and export, and the API:
    - ``reference_prefix``: two or three letters that start the reference, e.g. "CA" → CA-2026-000042.
    - ``core_fieldsets``: ``((legend, (name, …)), …)``, what the form always asks, grouped on the page. The
      model fields named are the kind's ``core_fields``; other names are the form class's own fields (e.g.
      a declared upload).
    - ``interest_field``: a many-to-many to pages the applicant is interested in (e.g. clusters), offered
      as a filter and shown in the API.
    - ``country_field``: a CountryField, offered as a filter and shown in the API.
    - ``filter_fields``: further fields with ``choices`` (e.g. an organisation's type) the listing filters by.
    - ``export_extra_fields``: columns the admin's export adds after the core fields.
    - ``personal_fields``: the model fields that identify the applicant; erasure and retention empty them
      (the name and address get placeholders) and the data export lists every core field anyway. A kind adds
      its own, e.g. ``personal_fields = (*AbstractSubmission.personal_fields, "phone")``.
    - ``retention_states``: states in which a submission is anonymised once it has stayed there longer than
      ``WORKFLOW_FORMS_RETENTION_MONTHS`` (states a kind does not have are ignored).
    - ``assessor_permission``: the permission ("app_label.codename") of staff who may be asked to assess
      submissions of this kind; ``None`` (the default) means the kind's view permission.

    A concrete kind adds a ``state`` FSMField whose choices are a ``workflows.specs.StateChoices`` class (its
    default one of them), and ``@transition`` methods, each with its ``TransitionSpec``.
    """

    reference_prefix = "AP"
    core_fieldsets: tuple[tuple[str, tuple[str, ...]], ...] = ()
    interest_field: str | None = None
    country_field: str | None = None
    filter_fields: tuple[str, ...] = ()
    export_extra_fields: tuple[str, ...] = ()
    personal_fields: tuple[str, ...] = ("applicant_name", "applicant_email")
    retention_states: tuple[str, ...] = ("rejected", "withdrawn")
    assessor_permission: str | None = None

    reference = models.CharField(_("reference"), max_length=32, unique=True, null=True, editable=False)
    applicant_name = models.CharField(_("applicant's name"), max_length=255)
    applicant_email = models.EmailField(_("applicant's e-mail"), db_index=True)
    answers = models.JSONField(
        _("answers to extra questions"),
        default=dict,
        blank=True,
        help_text=_("Keyed by field name; each answer keeps the question's label as it was when answered."),
    )
    #: The language the applicant used (a code from ``LANGUAGES``): their status page, the "lost your link?"
    #: mails and every mail to them are in it, whoever causes them. No ``choices``: the site's ``LANGUAGES``
    #: may grow without a migration; ``language_name`` reads it.
    language = models.CharField(_("language"), max_length=15, blank=True, default="", db_index=True)
    form_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("form"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status_token_hash = models.CharField(max_length=64, unique=True, editable=False)
    #: The hash of a link sent by "lost your link?" and not opened yet. The current link keeps working until
    #: this one is opened; then it becomes ``status_token_hash`` (status_tokens.status_token_promote).
    pending_token_hash = models.CharField(max_length=64, blank=True, default="", db_index=True, editable=False)
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

    @classproperty
    def core_fields(cls) -> tuple[str, ...]:
        """The model fields the form always asks, in the order of ``core_fieldsets``."""
        names = [name for _legend, names in cls.core_fieldsets for name in names]
        return tuple(name for name in names if _is_model_field(cls, name))

    @classproperty
    def export_fields(cls) -> tuple[str, ...]:
        """The admin export's columns (before the extra questions' answers)."""
        return ("reference", "state", *cls.core_fields, *cls.export_extra_fields, "submitted_at", "updated_at")

    def __str__(self):
        return self.reference or str(_("(unsaved submission)"))

    @property
    def language_name(self) -> str:
        """The applicant's language as ``LANGUAGES`` names it (in the active language), or "" if unknown."""
        return str(dict(settings.LANGUAGES).get(self.language, self.language))

    @property
    def mail_language(self) -> str:
        """The language of every mail to the applicant and of their status page: theirs, else the site's."""
        return self.language or settings.LANGUAGE_CODE

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
        return token_matches(token, self.status_token_hash) or token_matches(token, self.pending_token_hash)
