"""The application state machine: submitted → reviewed → assigned → active, and its side states."""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from .. import permissions
from ..adapters import target_adapter
from ..specs import TransitionSpec
from .states import ApplicationState
from .submissions import AbstractSubmission

S = ApplicationState


class AbstractApplication(ConcurrentTransitionMixin, AbstractSubmission):
    """An application that reviewers move through the state machine below.

    Override points (class attributes):
    - ``assignable_page_types``: page model labels an application of this kind can be assigned to.
    Override points (methods):
    - ``target_accepts_applications(page)``: whether a target page takes new members now. By default it
      reads ``accepts_applications`` on the specific page, and is true where the page has no such attribute.
    - ``target_managers(page)``: users who lead the target and may activate/end its applications. By default
      what the page model's target adapter says (``workflows.adapters.TargetAdapter.managers``). A listing's
      selector may have asked once for many rows: ``_prefetched_target_managers`` (a page's pk and its managers) and
      ``_prefetched_managed_targets`` (a user's pk and the ids of the pages they lead) then answer instead.
    - ``target_leader_names(page)``: the names the applicant is told lead the target (default: the managers').
    - ``target_discussion_url(page)``: where participants meet, sent when the application becomes active
      (default: the page's ``discussion_url`` if it has one).
    - ``apply_resubmission(*, fields, answers)``: puts the applicant's edited, already validated answers on
      the row; ``resubmit`` calls it.

    Each transition's ``TransitionSpec`` (``custom={"spec": ...}``) says how it is shown, what it asks for
    and which mails it sends. Transition bodies only change this row; ``workflows.services.perform_transition``
    is the one way in and does the locking, permission checks, logging and notifications.
    ``ConcurrentTransitionMixin`` makes a save that would overwrite a state changed by someone else fail
    instead (a second guard behind the service's row lock, and the only one on databases without
    ``SELECT ... FOR UPDATE``).
    """

    assignable_page_types: tuple[str, ...] = ()
    assessor_permission = "workflow_forms.review_application"
    export_extra_fields = ("assigned_to",)
    protected_resubmission_fields: tuple[str, ...] = (
        "state",
        "state_changed_at",
        "assigned_to",
        "form_page",
        "answers",
        "applicant_email",  # the status link, mails and the data export belong to it
    )

    state = FSMField(
        _("state"), max_length=32, choices=ApplicationState.choices, default=S.SUBMITTED, protected=True, db_index=True
    )
    assigned_to = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    state_changed_at = models.DateTimeField(_("state changed"), null=True, blank=True, db_index=True)

    class Meta(AbstractSubmission.Meta):
        abstract = True

    # -- override points ---------------------------------------------------------------------

    def target_accepts_applications(self, page) -> bool:
        return bool(getattr(page.specific, "accepts_applications", True))

    def target_managers(self, page):
        prefetched = getattr(self, "_prefetched_target_managers", None)  # (the page's pk, its managers)
        if prefetched is not None and prefetched[0] == page.pk:
            return prefetched[1]
        specific = page.specific
        return list(target_adapter(type(specific)).managers(specific))

    def target_leader_names(self, page) -> list[str]:
        return [manager.get_full_name() or manager.get_username() for manager in self.target_managers(page)]

    def target_discussion_url(self, page) -> str:
        return getattr(page.specific, "discussion_url", "") or ""

    def target_is_assignable(self, page) -> bool:
        return page.specific_class is not None and page.specific_class._meta.label in self.assignable_page_types

    def user_manages_target(self, user) -> bool:
        if self.assigned_to_id is None or not getattr(user, "is_authenticated", False) or not user.is_active:
            return False
        prefetched = getattr(self, "_prefetched_managed_targets", None)  # (user's pk, ids of the pages they lead)
        if prefetched is not None and prefetched[0] == user.pk:
            return self.assigned_to_id in prefetched[1]
        return any(manager.pk == user.pk for manager in self.target_managers(self.assigned_to))

    def apply_resubmission(self, *, fields: dict, answers: dict) -> None:
        """Copy the edited answers onto this saved row. ``fields`` are core model fields (many-to-many
        ones too), ``answers`` the extra questions' answers.

        The form has validated both; this only refuses names that are not the kind's own editable fields
        (a state, reference or token can never arrive this way).
        """
        editable = {
            field.name: field
            for field in [*self._meta.concrete_fields, *self._meta.many_to_many]
            if field.editable and not field.primary_key and field.name not in self.protected_resubmission_fields
        }
        unknown = sorted(set(fields) - set(editable))
        if unknown:
            raise ValueError(f"resubmit cannot change {', '.join(unknown)}: not editable fields of {self._meta.label}")
        for name, value in fields.items():
            if editable[name].many_to_many:
                getattr(self, name).set(value)
            else:
                setattr(self, name, value)
        self.answers = answers

    # -- the state machine -------------------------------------------------------------------

    @transition(
        field=state,
        source=S.SUBMITTED,
        target=S.REVIEWED,
        permission=permissions.can_review,
        # Internal: the status page shows it, but it is not worth an e-mail.
        custom={"spec": TransitionSpec(label=_("Mark reviewed"), log_label=_("Application reviewed"))},
    )
    def review(self):
        """A reviewer has read the application."""

    @transition(
        field=state,
        source=[S.SUBMITTED, S.REVIEWED],
        target=S.CHANGES_REQUESTED,
        permission=permissions.can_request_changes,
        custom={
            "spec": TransitionSpec(
                label=_("Request changes"),
                log_label=_("Changes requested from the applicant"),
                inputs=("note", "message"),
                required={"message": _("Tell the applicant what to change.")},
                applicant_mail="applicant_changes_requested",
                sends_status_link=True,  # the applicant edits and resubmits through it
            )
        },
    )
    def request_changes(self):
        """The applicant must edit and resubmit, as the message to them says."""

    @transition(
        field=state,
        source=S.CHANGES_REQUESTED,
        target=S.SUBMITTED,
        permission=permissions.is_the_applicant,
        custom={
            "spec": TransitionSpec(
                label=_("Resubmit"),
                log_label=_("Application resubmitted"),
                inputs=("answers", "fields"),
                required={"answers": _("Send the edited answers with the resubmission.")},
                by_applicant=True,
                applicant_mail="applicant_resubmitted",
                staff_alert="staff_resubmitted",
            )
        },
    )
    def resubmit(self, *, answers: dict, fields: dict):
        """The applicant sent edited answers (validated like a new submission before this runs)."""
        self.apply_resubmission(fields=fields, answers=answers)

    @transition(
        field=state,
        source=S.REVIEWED,
        target=S.ASSIGNED,
        permission=permissions.can_assign,
        custom={
            "spec": TransitionSpec(
                label=_("Assign"),
                log_label=_("Application assigned"),
                inputs=("target", "note"),
                required={"target": _("Choose where to assign the application.")},
                applicant_mail="applicant_assigned",
                mentions_target=True,
                staff_alert="staff_assigned",
                alert_target_managers=True,
            )
        },
    )
    def assign(self, *, target):
        """A coordinator places the application in a target (e.g. a cluster) that accepts members."""
        self.assigned_to = target

    @transition(
        field=state,
        source=S.ASSIGNED,
        target=S.ACTIVE,
        permission=permissions.can_activate,
        custom={
            "spec": TransitionSpec(
                label=_("Activate"),
                log_label=_("Application activated"),
                confirmation=_(
                    "%(applicant)s becomes a participant of “%(target)s”, with the access its participants have, "
                    "and is e-mailed an invitation at once."
                ),
                applicant_mail="applicant_activated",
                mentions_target=True,
                shares_discussion=True,
            )
        },
    )
    def activate(self):
        """The applicant is now a participant of the target."""

    @transition(
        field=state,
        source=[S.SUBMITTED, S.REVIEWED, S.ASSIGNED],
        target=S.REJECTED,
        permission=permissions.can_reject,
        custom={
            "spec": TransitionSpec(
                label=_("Reject"),
                log_label=_("Application rejected"),
                inputs=("note", "message"),
                required={"note": _("Give the internal reason for rejecting the application.")},
                destructive=True,
                confirmation=_(
                    "%(applicant)s is told by e-mail that the application was not accepted. "
                    "A coordinator can reopen it later."
                ),
                applicant_mail="applicant_rejected",
            )
        },
    )
    def reject(self):
        """Not accepted; the internal reason is required, a message to the applicant optional."""

    @transition(
        field=state,
        source=[S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.CHANGES_REQUESTED],
        target=S.WITHDRAWN,
        permission=permissions.is_the_applicant,
        custom={
            "spec": TransitionSpec(
                label=_("Withdraw"),
                log_label=_("Application withdrawn"),
                inputs=("confirm",),
                required={"confirm": _("Confirm that you want to withdraw the application.")},
                by_applicant=True,
                applicant_mail="applicant_withdrawn",
            )
        },
    )
    def withdraw(self, *, confirm: bool):
        """The applicant withdrew, after confirming (``confirm`` is checked before this runs)."""

    @transition(
        field=state,
        source=S.ACTIVE,
        target=S.ENDED,
        permission=permissions.can_end,
        custom={
            "spec": TransitionSpec(
                label=_("End participation"),
                log_label=_("Participation ended"),
                inputs=("note", "message"),
                required={"note": _("Give the reason the participation ends.")},
                destructive=True,
                confirmation=_(
                    "%(applicant)s stops being a participant of “%(target)s”, loses the access its participants "
                    "have, and is told by e-mail."
                ),
                applicant_mail="applicant_ended",
                mentions_target=True,
            )
        },
    )
    def end(self):
        """Participation ends; a note is required."""

    @transition(
        field=state,
        source=[S.REJECTED, S.WITHDRAWN],
        target=S.SUBMITTED,
        permission=permissions.can_reopen,
        custom={
            "spec": TransitionSpec(
                label=_("Reopen"),
                log_label=_("Application reopened"),
                inputs=("note",),
                required={"note": _("Give the reason for reopening the application.")},
                forward=False,  # it undoes a decision: a rejected or withdrawn row awaits no one
                applicant_mail="applicant_reopened",
            )
        },
    )
    def reopen(self):
        """A coordinator puts the application back in the queue; a note is required."""


class Application(AbstractApplication):
    """The concrete default: site kinds subclass it (multi-table), so every kind shares one queue."""

    kind = models.ForeignKey(
        ContentType, verbose_name=_("kind"), on_delete=models.PROTECT, related_name="+", editable=False
    )

    class Meta(AbstractApplication.Meta):
        verbose_name = _("application")
        verbose_name_plural = _("applications")
        # The rows per state of one kind, from the index alone (``selectors.counts.rows_per_state``).
        indexes = [models.Index(fields=["kind", "state"], name="workflow_app_kind_state")]
        permissions = [
            ("review_application", _("Can mark applications reviewed")),
            ("request_changes_application", _("Can request changes to applications")),
            ("assign_application", _("Can assign applications")),
            ("activate_application", _("Can activate applications")),
            ("reject_application", _("Can reject applications")),
            ("end_application", _("Can end active applications")),
            ("reopen_application", _("Can reopen rejected or withdrawn applications")),
            ("export_application", _("Can export applications")),
            ("add_internal_note", _("Can add internal notes to applications")),
            ("erase_applicant_data", _("Can erase an applicant's personal data")),
            ("view_reports", _("Can see the pipeline reports of every application")),
        ]

    def save(self, *args, **kwargs):
        if not self.kind_id:
            self.kind = ContentType.objects.get_for_model(self)
        super().save(*args, **kwargs)

    @cached_property
    def specific(self):
        """This application as its concrete kind (like Wagtail's ``Page.specific``)."""
        # From Django's content-type cache: no query per row when a listing or bulk screen asks each row.
        model = ContentType.objects.get_for_id(self.kind_id).model_class()
        if model is None or isinstance(self, model):
            return self
        return model._default_manager.get(pk=self.pk)

    @property
    def kind_label(self):
        model = self.kind.model_class()
        return model._meta.verbose_name if model else self.kind.name
