"""Live figures for the home page and figure blocks, computed from published content."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FIGURE_CHOICES = [
    ("active_clusters", _("Active clusters")),
    ("forming_clusters", _("Clusters forming")),
    ("upcoming_events", _("Upcoming events")),
    ("case_studies", _("Best-practice case studies")),
    ("countries", _("Countries represented")),
]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int


def site_figures() -> list[Figure]:
    """Every live figure, in FIGURE_CHOICES order; one query each, independent of content size."""
    from .models import CaseStudyPage, ClusterStatus, EventPage, ThematicClusterPage

    clusters = ThematicClusterPage.objects.live().public()
    case_studies = CaseStudyPage.objects.live().public()
    events = EventPage.objects.live().public()
    countries = set(case_studies.exclude(country="").values_list("country", flat=True).distinct())
    countries |= set(events.exclude(country="").values_list("country", flat=True).distinct())
    values = {
        "active_clusters": clusters.filter(status=ClusterStatus.ACTIVE).count(),
        "forming_clusters": clusters.filter(status=ClusterStatus.FORMING).count(),
        "upcoming_events": events.filter(end_date__gte=timezone.localdate()).count(),
        "case_studies": case_studies.count(),
        "countries": len(countries),
    }
    return [Figure(key=key, label=label, value=values[key]) for key, label in FIGURE_CHOICES]
