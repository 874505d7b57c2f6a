"""Applications › Event registrations: each session's registrations (listing, filters, search, CSV/XLSX export,
inspect and transitions from the plugin's workspace) and the check-in screen."""

import django_filters
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.base import ViewSet

from workflows.admin.columns import ApplicantColumn, StateColumn, SubmittedColumn, WithCountryColumn
from workflows.admin.filters import filterset_for
from workflows.admin.viewsets import SubmissionViewSet

from ..models import EventRegistration
from .check_in import CheckInView, MarkAttendedView
from .selectors import manages_any_session, sessions_managed_by


class SessionFilter(django_filters.ModelChoiceFilter):
    """The sessions the reviewer manages, newest first, each named with its event."""

    def __init__(self, **kwargs):
        super().__init__(field_name="session", label=_("Session"), queryset=self._sessions, **kwargs)

    @staticmethod
    def _sessions(request):
        return sessions_managed_by(request.user if request is not None else None)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = lambda session: f"{session.title} ({session.page.title})"
        return field


class EventRegistrationViewSet(SubmissionViewSet):
    model = EventRegistration
    name = "event_registrations"
    menu_label = _("Event registrations")
    icon = "date"
    assessments_enabled = False  # nobody assesses a registration
    list_select_related = ("session", "session__page")
    list_display = [
        "reference",
        ApplicantColumn(),
        WithCountryColumn("city", label=_("City, country")),
        Column("session", label=_("Session"), accessor="session"),
        StateColumn(),
        SubmittedColumn(),
    ]
    search_fields = ["reference", "applicant_name", "applicant_email", "organisation", "city"]

    @cached_property
    def filterset_class(self):
        base = filterset_for(self.model)
        return type(f"{base.__name__}WithSession", (base,), {"session": SessionFilter()})


class CheckInMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_any_session(request.user)


class CheckInViewSet(ViewSet):
    """Applications › Check-in: for coordinators, and for leaders at their clusters' sessions."""

    name = "check_in"
    menu_label = _("Check-in")
    menu_icon = "tick"
    menu_item_class = CheckInMenuItem
    add_to_admin_menu = False
    url_prefix = "applications/check-in"

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [
            path("", CheckInView.as_view(mark_url_name=self.get_url_name("mark_attended")), name="index"),
            path(
                "<int:pk>/",
                MarkAttendedView.as_view(check_in_url_name=self.get_url_name("index")),
                name="mark_attended",
            ),
        ]
