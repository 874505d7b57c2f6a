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

from .organisations import partners_by_type_text

FIGURE_CHOICES = [
    ("participating_cities", _("Participating cities")),
    ("active_clusters", _("Active clusters")),
    # The key predates partners other than companies: it counts every partner organisation, by type in ``by_type``.
    ("partner_companies", _("Partner organisations")),
    ("countries", _("Countries represented")),
    ("forming_clusters", _("Clusters forming")),
    ("upcoming_events", _("Upcoming events")),
    ("case_studies", _("Best-practice case studies")),
    ("meeting_cities", _("Cities at this year's meetings")),
]


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    value: int
    #: ((organisation type, count), ...) for the partners, in the types' order; empty for other figures.
    by_type: tuple = ()

    @property
    def breakdown(self) -> str:
        """ "7 companies, 3 non-profits, 2 universities or institutes" in the active language, or ""."""
        return partners_by_type_text(self.by_type) if self.by_type else ""

    def as_dict(self) -> dict:
        """The figure as the API gives it."""
        data = {"key": self.key, "label": str(self.label), "value": self.value}
        if self.key == "partner_companies":
            data["by_type"] = dict(self.by_type)
        return data


@dataclass(frozen=True)
class YearFigure:
    """A figure an editor typed, true of ``year``: never mistaken for a live count."""

    label: str
    value: str
    year: int
    source_url: str = ""
    source_name: str = ""
    key = None  # not one of the live figures

    def as_dict(self) -> dict:
        """The figure as the API gives it."""
        return {
            "key": None,
            "label": self.label,
            "value": self.value,
            "year": self.year,
            "source_url": self.source_url,
            "source_name": self.source_name,
        }


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
