"""An event's sessions, with places and a waiting list, and the registrations that take them.

Built on the workflow-forms plugin's places (``workflows.models.places``): an ``EventSession`` is a slot, an
``EventRegistration`` the registration kind that takes its places. Sessions are edited in their event page (an
inline panel); a translated event page shows its original's sessions, so every language shares the places.
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable

from workflows.models import AbstractRegistration, AbstractSlot

from ..choices import ClusterStatus
from ..country_field import CountryCodeField


def _clusters_led_by(user):
    from ..leadership.selectors import clusters_led_by  # the selectors read these models

    return clusters_led_by(user=user)


class EventSession(Orderable, AbstractSlot):
    """A session of an event: a cluster's meeting or a plenary, with a number of places."""

    page = ParentalKey("cluster_pages.EventPage", on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("title"), max_length=255)
    ends_at = models.DateTimeField(_("ends at"))
    room = models.CharField(_("room"), max_length=255, blank=True, help_text=_("Where the session is held."))
    online_url = models.URLField(_("online link"), blank=True, help_text=_("For a session held online."))
    cluster = models.ForeignKey(
        "cluster_pages.ThematicClusterPage",
        verbose_name=_("cluster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="event_sessions",
        limit_choices_to={"status__in": [ClusterStatus.FORMING, ClusterStatus.ACTIVE]},
        help_text=_("Leave empty for a session of the whole event, such as a plenary."),
    )
    members_only = models.BooleanField(
        _("members only"),
        default=False,
        help_text=_("Only signed-in members of the cluster (of any cluster, without one) may register."),
    )

    panels = [
        FieldPanel("title"),
        FieldRowPanel([FieldPanel("starts_at"), FieldPanel("ends_at")]),
        FieldRowPanel([FieldPanel("room"), FieldPanel("online_url")]),
        FieldPanel("cluster"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("places"), FieldPanel("waiting_list_enabled")]),
                FieldRowPanel([FieldPanel("members_only"), FieldPanel("registration_closes_at")]),
            ],
            _("Registration"),
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("session")
        verbose_name_plural = _("sessions")

    def __str__(self):
        return self.title

    def slot_time_zone(self):
        """Mails and the status page give the session's time where the event is held."""
        return self.page.zone

    def slot_label(self) -> str:
        return f"{super().slot_label()} ({self.page.time_zone})"

    def clean(self):
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The session must end after it starts.")})


class EventRegistration(AbstractRegistration):
    """A person's place (or place on the waiting list) at an event's session."""

    reference_prefix = "ER"
    slot_field = "session"
    manage_permission = "cluster_pages.manage_eventregistration"
    core_fieldsets = (
        (_("About you"), ("applicant_name", "applicant_email", "organisation", "role")),
        (_("Your city"), ("city", "country")),
        (_("Taking part"), ("accessibility_needs", "consent_privacy")),
    )
    country_field = "country"
    personal_fields = (*AbstractRegistration.personal_fields, "organisation", "role", "accessibility_needs")
    export_extra_fields = ("session",)

    session = models.ForeignKey(
        EventSession, verbose_name=_("session"), on_delete=models.PROTECT, related_name="registrations"
    )
    organisation = models.CharField(_("organisation"), max_length=255)
    role = models.CharField(_("role"), max_length=255, help_text=_("Your job title."))
    city = models.CharField(_("city"), max_length=255)
    country = CountryCodeField(_("country"))
    accessibility_needs = models.TextField(
        _("accessibility needs"),
        max_length=2000,
        blank=True,
        help_text=_("Optional: anything we should arrange so that you can take part fully."),
    )
    consent_privacy = models.BooleanField(_("consent to the privacy notice"), default=False)

    def user_manages_registration(self, user) -> bool:
        """Coordinators (the manage permission), and the leaders of the session's cluster."""
        if super().user_manages_registration(user):
            return True
        if self.session_id is None:  # e.g. the listing's probe for the bulk actions a role may ever offer
            return False
        cluster = self.session.cluster
        return cluster is not None and _clusters_led_by(user).filter(translation_key=cluster.translation_key).exists()

    @classmethod
    def registrations_managed_by(cls, *, user, queryset):
        """A cluster's leaders manage the registrations for their cluster's sessions (in any language)."""
        led = _clusters_led_by(user).values("translation_key")
        return queryset.filter(session__cluster__translation_key__in=led)

    class Meta(AbstractRegistration.Meta):
        verbose_name = _("event registration")
        verbose_name_plural = _("event registrations")
        permissions = [("manage_eventregistration", "Can manage event registrations and check people in")]
