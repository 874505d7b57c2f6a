"""Places and a waiting list: something people register for (a slot) and the registration kind that takes a place.

A site subclasses both: a concrete slot (an event's session, a workshop, a visit) and a concrete registration
with a ``ForeignKey`` to it named by ``slot_field``. ``workflows.services.places`` is the way in: it counts the
places under a lock on the slot, confirms or puts on the waiting list, and promotes the first person waiting
when a place frees up.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils import formats, timezone
from django.utils.functional import classproperty
from django.utils.translation import gettext_lazy as _
from django_fsm import ConcurrentTransitionMixin, FSMField, transition

from ..actors import ApplicantActor, SystemActor
from ..specs import StateChoices, TransitionSpec, state
from .submissions import AbstractSubmission


class RegistrationState(StateChoices):
    """Where a registration stands; confirmed and attended registrations hold a place."""

    CONFIRMED = state(
        "confirmed",
        _("Confirmed"),
        tone="positive",
        applicant_label=_("Place confirmed"),
        applicant_explanation=_("You have a place. We will send you a reminder before the session."),
    )
    WAITING = state(
        "waiting",
        _("Waiting list"),
        tone="waiting",
        applicant_label=_("On the waiting list"),
        applicant_explanation=_(
            "Every place is taken. If one frees up, the first person waiting gets it and is told by e-mail."
        ),
    )
    CANCELLED = state(
        "cancelled",
        _("Cancelled"),
        tone="neutral",
        applicant_label=_("Cancelled"),
        applicant_explanation=_("This registration was cancelled. We will not write to you about it again."),
    )
    ATTENDED = state(
        "attended",
        _("Attended"),
        tone="positive",
        applicant_label=_("Attended"),
        applicant_explanation=_("Thank you for taking part."),
    )


R = RegistrationState
#: The states that hold a place.
PLACE_HOLDING_STATES = (R.CONFIRMED, R.ATTENDED)


class AbstractSlot(models.Model):
    """Something with a number of places that people register for: a session, a workshop, a visit.

    ``places`` are confirmed in order of registration; with ``waiting_list_enabled`` the others wait and the
    first of them is confirmed when a place frees up. Registration is open until ``registration_closes_at`` (or,
    without one, until ``starts_at``).
    """

    starts_at = models.DateTimeField(_("starts at"))
    places = models.PositiveIntegerField(
        _("places"), validators=[MinValueValidator(1)], help_text=_("How many people can take part.")
    )
    waiting_list_enabled = models.BooleanField(
        _("waiting list"),
        default=True,
        help_text=_("When every place is taken, later registrations wait for a place that frees up."),
    )
    registration_closes_at = models.DateTimeField(
        _("registration closes at"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take registrations until the session starts."),
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.registration_closes_at and self.starts_at and self.registration_closes_at > self.starts_at:
            raise ValidationError(
                {"registration_closes_at": _("Registration must close before the session starts, or at its start.")}
            )

    @property
    def registration_closes(self):
        """When registration closes: the closing time given, never later than the start."""
        if self.registration_closes_at is None:
            return self.starts_at
        return min(self.registration_closes_at, self.starts_at)

    def has_started(self, *, now=None) -> bool:
        return (now or timezone.now()) >= self.starts_at

    def registration_is_open(self, *, now=None) -> bool:
        return (now or timezone.now()) < self.registration_closes

    def slot_time_zone(self):
        """Override point: the time zone the slot's start is shown in (mails, the status page); default: the
        active one (``TIME_ZONE``). E.g. an event's session says its time where the event is held."""
        return timezone.get_current_timezone()

    def slot_label(self) -> str:
        """The slot as mails and the status page name it: its title and start, in the active language."""
        starts = formats.date_format(timezone.localtime(self.starts_at, self.slot_time_zone()), "DATETIME_FORMAT")
        return _("%(slot)s, %(starts)s") % {"slot": self, "starts": starts}


def _manages_registrations(instance, user) -> bool:
    if isinstance(user, ApplicantActor | SystemActor):
        return False
    return user.is_active and instance.user_manages_registration(user)


def can_cancel_registration(instance, user) -> bool:
    """The registrant (status link) or staff who manage registrations of this kind."""
    if isinstance(user, ApplicantActor):
        return user.is_applicant_of(instance)
    return _manages_registrations(instance, user)


def can_promote_registration(instance, user) -> bool:
    """The waiting list itself, or staff who manage registrations of this kind."""
    return isinstance(user, SystemActor) or _manages_registrations(instance, user)


def can_mark_attended(instance, user) -> bool:
    return _manages_registrations(instance, user)


def slot_has_a_free_place(instance) -> bool:
    """A waiting registration may be confirmed only into a free place (checked again under the slot's lock)."""
    slot = getattr(instance, instance.slot_field)
    taken = (
        type(instance)._default_manager.filter(**{instance.slot_field: slot}, state__in=PLACE_HOLDING_STATES).count()
    )
    return taken < slot.places


class AbstractRegistration(ConcurrentTransitionMixin, AbstractSubmission):
    """A person's registration for a slot: confirmed, waiting, cancelled or attended.

    Override points (class attributes):
    - ``slot_field``: the name of the concrete model's ``ForeignKey`` to its slot model (default ``"slot"``).
    - ``manage_permission``: who may cancel anyone's registration, promote from the waiting list and mark
      attendance ("app_label.codename"; default: the kind's change permission).
    - ``user_manages_registration(user)`` and ``registrations_managed_by(user=, queryset=)``: staff who manage
      some registrations without that permission, e.g. a team's leaders those of their team's slots: they see
      those registrations in the admin (and the API) and may cancel, promote and check them in. Default: none.

    The registrant cancels with their status link. Create and cancel through ``workflows.services.places``
    (``registration_create``, ``registration_cancel``); every other transition goes through
    ``perform_transition`` like any kind's, and the plugin's ``RegistrationKindAdapter``
    (``workflows.places_adapter``) keeps the places right whichever way a cancellation or a promotion comes in.
    """

    reference_prefix = "RG"
    slot_field = "slot"
    retention_states = ("cancelled",)

    state = FSMField(_("state"), max_length=16, choices=R.choices, default=R.CONFIRMED, protected=True, db_index=True)
    state_changed_at = models.DateTimeField(_("state changed"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("reminder sent"), null=True, blank=True, editable=False)

    class Meta(AbstractSubmission.Meta):
        abstract = True
        ordering = ["submitted_at", "pk"]

    @classproperty
    def manage_permission(cls) -> str:
        return f"{cls._meta.app_label}.change_{cls._meta.model_name}"

    def user_manages_registration(self, user) -> bool:
        """Whether ``user`` (active staff) may cancel, promote and check in this registration."""
        return user.has_perm(self.manage_permission)

    @classmethod
    def registrations_managed_by(cls, *, user, queryset):
        """The registrations of ``queryset`` that ``user`` manages without the kind's view permission."""
        return queryset.none()

    @property
    def slot_object(self):
        return getattr(self, self.slot_field)

    @property
    def kind_label(self):
        """E.g. "registration for “Smart mobility workshop, 12 March 2026, 10:00”" (mails, status page)."""
        return _("registration for “%(slot)s”") % {"slot": self.slot_object.slot_label()}

    @property
    def holds_a_place(self) -> bool:
        return self.state in PLACE_HOLDING_STATES

    @transition(
        field=state,
        source=[R.CONFIRMED, R.WAITING],
        target=R.CANCELLED,
        permission=can_cancel_registration,
        custom={
            "spec": TransitionSpec(
                label=_("Cancel registration"),
                log_label=_("Registration cancelled"),
                inputs=("note", "message"),
                destructive=True,
                confirmation=_("The place of %(applicant)s goes to the first person on the waiting list."),
                applicant_mail="registration_cancelled",
            )
        },
    )
    def cancel(self):
        """The place frees up; the kind adapter's ``after_transition`` gives it to the first person waiting."""

    @transition(
        field=state,
        source=R.WAITING,
        target=R.CONFIRMED,
        permission=can_promote_registration,
        conditions=[slot_has_a_free_place],
        custom={
            "spec": TransitionSpec(
                label=_("Confirm from the waiting list"),
                log_label=_("Confirmed from the waiting list"),
                applicant_mail="registration_promoted",
            )
        },
    )
    def promote(self):
        """A free place goes to this waiting registration."""

    @transition(
        field=state,
        source=R.CONFIRMED,
        target=R.ATTENDED,
        permission=can_mark_attended,
        custom={"spec": TransitionSpec(label=_("Mark attended"), log_label=_("Attendance recorded"))},
    )
    def mark_attended(self):
        """The registrant came."""
