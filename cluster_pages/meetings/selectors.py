"""Reads about an event's sessions: which sessions a page shows, with places left, and who may register."""

from django.db.models import Case, Q, QuerySet, Value, When
from django.utils import timezone

from workflows.models import RegistrationState
from workflows.selectors.places import with_places_left

from ..clusters_once import default_content_language
from ..leadership.selectors import clusters_led_by
from ..models import CityApplication, EventRegistration, EventSession, ThematicClusterPage
from ..translations_follow import source_of


def original_sessions() -> QuerySet:
    """Sessions of default-language event pages: the ones people register for. A translated page holds copies
    (wagtail-localize copies its inline panels) that take no registration; it shows its original's."""
    return EventSession.objects.filter(page__locale__language_code=default_content_language())


def session_source(event_page):
    """The page whose sessions ``event_page`` shows: its default-language original, so all languages share places."""
    return source_of(event_page) or event_page


def sessions_of(event_page) -> QuerySet:
    """The event's sessions in their editors' order, annotated with ``places_left`` and ``waiting_count``."""
    sessions = EventSession.objects.filter(page_id=session_source(event_page).pk).select_related("cluster")
    return with_places_left(sessions).order_by("sort_order", "starts_at", "pk")


def member_clusters(user) -> QuerySet:
    """The clusters whose members' group ``user`` belongs to (none for a visitor)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return ThematicClusterPage.objects.none()
    return ThematicClusterPage.objects.filter(members_group__in=user.groups.all())


def may_register_as_member(*, user, session) -> bool:
    """A members-only session takes its cluster's members (any cluster's, for a session of the whole event)."""
    clusters = member_clusters(user)
    if session.cluster_id is None:
        return clusters.exists()
    return clusters.filter(translation_key=session.cluster.translation_key).exists()


def member_details(user) -> dict:
    """What the site knows of a member, to fill in their registration: their name and address, and the city,
    organisation and role of their latest city application."""
    details = {"applicant_name": user.get_full_name() or user.get_username(), "applicant_email": user.email}
    application = (
        CityApplication.objects.filter(applicant_email__iexact=user.email).order_by("-submitted_at", "-pk").first()
    )
    if application is not None:
        details.update(
            organisation=application.organisation,
            role=application.role,
            city=application.city,
            country=application.country.code,
        )
    return details


def sessions_managed_by(user) -> QuerySet:
    """The sessions whose registrations ``user`` manages: every one for coordinators, their clusters' for leaders."""
    # The sessions not over yet first, soonest first (the one at the door now leads), then past ones, latest first.
    over = Case(When(ends_at__lt=timezone.now(), then=Value(1)), default=Value(0))
    sessions = (
        original_sessions()
        .select_related("page", "cluster")
        .annotate(over=over)
        .order_by("over", "starts_at", "sort_order", "pk")
    )
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return sessions.none()
    if user.has_perm(EventRegistration.manage_permission):
        return sessions
    led = clusters_led_by(user=user).values("translation_key")
    return sessions.filter(cluster__translation_key__in=led)


def manages_any_session(user) -> bool:
    """Whether ``user`` manages the registrations of at least one session (the Check-in menu item), kept on the
    user object as Django keeps permissions: the admin menu asks it more than once per request."""
    if not hasattr(user, "_meetings_manages_any_session"):
        user._meetings_manages_any_session = sessions_managed_by(user).exists()
    return user._meetings_manages_any_session


def check_in_list(*, user, session, query: str = "") -> QuerySet:
    """The people with a place at ``session`` (confirmed or attended) whom ``user`` may check in, by name; ``query``
    narrows them to a name, organisation or address containing it."""
    registrations = EventRegistration.objects.filter(
        session=session, state__in=[RegistrationState.CONFIRMED, RegistrationState.ATTENDED]
    ).order_by("applicant_name", "pk")
    if query:
        registrations = registrations.filter(
            Q(applicant_name__icontains=query) | Q(organisation__icontains=query) | Q(applicant_email__icontains=query)
        )
    if not sessions_managed_by(user).filter(pk=session.pk).exists():
        return registrations.none()
    return registrations
