"""Live figures for the home page and figure blocks, computed from published content and memberships.

Computed, not cached: eight queries whatever the amount of content, so a transition (an
activation or an end) shows on the next page view without any cache to invalidate.
"""

from collections import Counter

from django.db.models import Count, Max, Q
from django.db.models.functions import Lower, Trim
from django.utils import timezone

from workflows.models import RegistrationState

from .choices import ClusterStatus
from .clusters_once import default_content_language
from .live_data import FIGURE_CHOICES, Figure
from .membership.selectors import active_city_applications, active_company_registrations, distinct_member_cities
from .models import CaseStudyPage, EventPage, EventRegistration, ThematicClusterPage
from .organisations import by_type_in_order


def partners_by_type(queryset) -> tuple[tuple[str, int], ...]:
    """The distinct partners of ``queryset`` (by name, ignoring case and spaces) counted by organisation type, in
    the types' order (one query); a partner registered under two types counts once, under one of them."""
    rows = (
        queryset.annotate(company_key=Lower(Trim("company_name")))
        .values("company_key")
        .annotate(kind=Max("organisation_type"))
        .values_list("kind", flat=True)
        .order_by()
    )
    return by_type_in_order(Counter(rows))


def meeting_cities(*, year: int) -> int:
    """How many distinct cities (name, ignoring case and spaces, and country) came to a session in ``year``:
    people checked in as attended (one query). Anonymised registrations keep their city, so the figure stays."""
    attended = EventRegistration.objects.filter(state=RegistrationState.ATTENDED, session__starts_at__year=year)
    return attended.annotate(city_key=Lower(Trim("city"))).values("city_key", "country").distinct().count()


def membership_figures() -> dict[str, int]:
    """Cities, partner organisations (with their count by type) and countries taking part in live clusters
    (four queries)."""
    live_clusters = ThematicClusterPage.objects.live().values("pk")
    cities = active_city_applications().filter(assigned_to_id__in=live_clusters).order_by()
    companies = active_company_registrations().filter(assigned_to_id__in=live_clusters).order_by()
    # UNION removes duplicates: a country with both member cities and partner companies counts once.
    countries = (
        cities.exclude(country="").values_list("country").union(companies.exclude(country="").values_list("country"))
    )
    by_type = partners_by_type(companies)
    return {
        "participating_cities": distinct_member_cities(cities),
        "partner_companies": sum(count for _type, count in by_type),
        "partners_by_type": by_type,
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
        "meeting_cities": meeting_cities(year=timezone.localdate().year),
        **membership_figures(),
    }
    by_type = {"partner_companies": values["partners_by_type"]}
    return [
        Figure(key=key, label=label, value=values[key], by_type=by_type.get(key, ())) for key, label in FIGURE_CHOICES
    ]
