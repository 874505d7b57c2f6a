"""What the pages and blocks show that is read above the models: the site's live figures and each cluster's
member and partner rosters.

The models and the StreamField blocks (a lower floor than the selectors) ask here; ``ClusterPagesConfig.ready()``
plugs in the readers (``figures.site_figures`` and ``roster_cache.cluster_roster``), so no model imports a
selector and the selectors import the models freely.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

FIGURE_CHOICES = [
    ("participating_cities", _("Participating cities")),
    ("active_clusters", _("Active clusters")),
    ("partner_companies", _("Partner companies")),
    ("countries", _("Countries represented")),
    ("forming_clusters", _("Clusters forming")),
    ("upcoming_events", _("Upcoming events")),
    ("case_studies", _("Best-practice case studies")),
]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int


@dataclass(frozen=True)
class Readers:
    """Where the live data comes from."""

    #: Every live figure, in ``FIGURE_CHOICES`` order.
    figures: Callable[[], list[Figure]]
    #: A cluster's roster (``membership.Roster``) of "members" or "partners".
    roster: Callable[[Any, str], Any]


_readers: Readers | None = None


def plug(readers: Readers) -> None:
    """Read the live data through ``readers`` (called once, from the app's ``ready()``)."""
    global _readers
    _readers = readers


def _plugged() -> Readers:
    if _readers is None:
        raise ImproperlyConfigured("No live data readers: ClusterPagesConfig.ready() plugs them in.")
    return _readers


def live_figures() -> list[Figure]:
    return _plugged().figures()


def cluster_roster(cluster, kind: str):
    """``cluster``'s roster of ``kind``: "members" (cities) or "partners" (companies)."""
    return _plugged().roster(cluster, kind)
