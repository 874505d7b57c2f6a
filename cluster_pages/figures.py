"""Live figures for the home page and figure blocks, computed from published content and memberships.

Computed, not cached: eight queries whatever the amount of content, so a transition (an
activation or an end) shows on the next page view without any cache to invalidate.
"""

from django.db.models import Count, Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workflows.models import RegistrationState

from .choices import ClusterStatus
from .clusters_once import default_content_language
from .live_data import FIGURE_CHOICES, Figure
from .membership.selectors import (
    active_city_applications,
    active_company_registrations,
    distinct_member_cities,
    distinct_partner_companies,
)
from .models import CaseStudyPage, EventPage, EventRegistration, ThematicClusterPage

#: Shown on the home page after the FIGURE_CHOICES ones; not offered to figure blocks (a new block choice is a
#: migration of every page with a body).
MEETING_CITIES = ("meeting_cities", _("Cities at this year's meetings"))


def meeting_cities(*, year: int) -> int:
    """How many distinct cities (name, ignoring case and spaces, and country) came to a session in ``year``:
    people checked in as attended (one query). Anonymised registrations keep their city, so the figure stays."""
    attended = EventRegistration.objects.filter(state=RegistrationState.ATTENDED, session__starts_at__year=year)
    return attended.annotate(city_key=Lower(Trim("city"))).values("city_key", "country").distinct().count()


def membership_figures() -> dict[str, int]:
    """Cities, companies and countries taking part in live clusters (four queries)."""
    live_clusters = ThematicClusterPage.objects.live().values("pk")
    cities = active_city_applications().filter(assigned_to_id__in=live_clusters).order_by()
    companies = active_company_registrations().filter(assigned_to_id__in=live_clusters).order_by()
    # UNION removes duplicates: a country with both member cities and partner companies counts once.
    countries = (
        cities.exclude(country="").values_list("country").union(companies.exclude(country="").values_list("country"))
    )
    return {
        "participating_cities": distinct_member_cities(cities),
        "partner_companies": distinct_partner_companies(companies),
        "countries": len(list(countries)),
    }


def site_figures() -> list[Figure]:
    """Every live figure, in FIGURE_CHOICES order; a fixed number of queries, independent of content size."""
    # One view-restriction lookup for the three page types, instead of one per ``.public()``. Each page counts
    # once, in the default language, not once more per translation.
    private = ThematicClusterPage.objects.all().private_q()
    language = {"locale__language_code": default_content_language()}
    clusters = (
        ThematicClusterPage.objects.live()
        .filter(**language)
        .exclude(private)
        .aggregate(
            active=Count("pk", filter=Q(status=ClusterStatus.ACTIVE)),
            forming=Count("pk", filter=Q(status=ClusterStatus.FORMING)),
        )
    )
    values = {
        "active_clusters": clusters["active"],
        "forming_clusters": clusters["forming"],
        "upcoming_events": EventPage.objects.live()
        .filter(**language)
        .exclude(private)
        .filter(end_date__gte=timezone.localdate())
        .count(),
        "case_studies": CaseStudyPage.objects.live().filter(**language).exclude(private).count(),
        **membership_figures(),
    }
    key, label = MEETING_CITIES
    meetings = Figure(key=key, label=label, value=meeting_cities(year=timezone.localdate().year))
    return [*(Figure(key=key, label=label, value=values[key]) for key, label in FIGURE_CHOICES), meetings]
