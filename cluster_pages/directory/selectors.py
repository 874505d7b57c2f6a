"""The directory's entries: the active member cities and partner organisations that agreed to be listed.

Derived from the active applications assigned to live clusters, as the home page's figures are, and grouped by
the same keys (a city by its trimmed, lower-cased name and its country; an organisation by its trimmed,
lower-cased name), so "N listed, M more not listed" adds up to the home page's figure. An entry is listed when
any of its active applications consented, and names only the clusters of those that did. One query per kind
plus one for the clusters' names, whatever the number of rows; cached until a roster moves (``roster_cache``).
"""

from dataclasses import dataclass, field

from django.db.models.functions import Lower, Trim
from django_countries import countries

from ..clusters_once import clusters_once, local_title
from ..membership.selectors import active_city_applications, active_company_registrations
from ..models import ThematicClusterPage
from ..roster_cache import cached_with_rosters
from . import entries as entry_types
from .worldmap import map_point

CITY_FIELDS = (
    "pk",
    "city",
    "country",
    "consent_public_listing",
    "consent_project_title",
    "project_title",
    "latitude",
    "longitude",
    "assigned_to__translation_key",
)
PARTNER_FIELDS = (
    "pk",
    "company_name",
    "country",
    "consent_public_listing",
    "assigned_to__translation_key",
    *entry_types.PARTNER_TYPE_FIELDS,
)


@dataclass(frozen=True)
class Cluster:
    pk: int  # the cluster's default-language page: the filter's value and the API's id
    title: str  # in the reader's language


@dataclass(frozen=True)
class Entry:
    """One listed city or organisation, with only what its consent allows."""

    anchor: str
    kind: str  # "city" or "partner"
    type: str  # see ``entries``
    name: str
    city: str
    country_code: str
    country_name: str  # in the reader's language (the directory is built and cached per language)
    clusters: tuple[Cluster, ...]
    project_title: str = ""
    latitude: float | None = None
    longitude: float | None = None
    #: Where its marker stands on the map, or None (a partner, or a city the gazetteer could not place);
    #: computed when the directory is built, so a cached directory draws a thousand markers without arithmetic.
    point: tuple[float, float] | None = None

    @property
    def place_label(self) -> str:
        """ "Seoul, South Korea": what its marker is called."""
        return f"{self.city}, {self.country_name}" if self.country_name else self.city

    @property
    def type_label(self) -> str:
        return entry_types.type_label(self.type)

    @property
    def search_text(self) -> str:
        return " ".join((self.name, self.city, self.country_name, self.project_title)).casefold()


@dataclass(frozen=True)
class Directory:
    entries: list[Entry] = field(default_factory=list)
    #: Every active member city and partner organisation, listed or not (the home page's figures).
    total_cities: int = 0
    total_partners: int = 0

    @property
    def listed_cities(self) -> int:
        return sum(1 for entry in self.entries if entry.kind == "city")

    @property
    def listed_partners(self) -> int:
        return sum(1 for entry in self.entries if entry.kind == "partner")

    @property
    def unlisted_cities(self) -> int:
        return self.total_cities - self.listed_cities

    @property
    def unlisted_partners(self) -> int:
        return self.total_partners - self.listed_partners

    @property
    def unlisted(self) -> int:
        return self.unlisted_cities + self.unlisted_partners


def _clusters_by_key() -> dict:
    """Each live cluster by translation key, named in the reader's language (one query)."""
    pages = clusters_once(ThematicClusterPage.objects.live()).only("pk", "title", "translation_key")
    return {page.translation_key: Cluster(pk=page.pk, title=local_title(page)) for page in pages}


def _group(rows, *, key) -> tuple[dict, int]:
    """The consented rows of each distinct entry (entries with none are left out), and how many entries in all."""
    groups: dict = {}
    for row in rows:
        groups.setdefault(key(row), []).append(row)
    consented = {
        identity: [row for row in group if row["consent_public_listing"]] for identity, group in groups.items()
    }
    return {identity: group for identity, group in consented.items() if group}, len(groups)


def _country_names() -> dict[str, str]:
    """Every country's name in the active language, looked up once per build (not once per entry)."""
    return {code: str(name) for code, name in countries}


def _clusters_of(group, clusters: dict) -> tuple[Cluster, ...]:
    found = {
        clusters[row["assigned_to__translation_key"]]
        for row in group
        if row["assigned_to__translation_key"] in clusters
    }
    return tuple(sorted(found, key=lambda cluster: cluster.title.casefold()))


def _live_cluster_ids():
    return ThematicClusterPage.objects.live().values("pk")


def _city_entries(clusters: dict, names: dict) -> tuple[list[Entry], int]:
    rows = (
        active_city_applications()
        .filter(assigned_to_id__in=_live_cluster_ids())
        .annotate(city_key=Lower(Trim("city")))
        .order_by("pk")
        .values("city_key", *CITY_FIELDS)
    )
    groups, total = _group(rows, key=lambda row: (row["city_key"], row["country"]))
    entries = []
    for group in groups.values():
        first = group[0]
        titled = next((row for row in group if row["consent_project_title"] and row["project_title"]), None)
        placed = next((row for row in group if row["latitude"] is not None and row["longitude"] is not None), None)
        entries.append(
            Entry(
                anchor=f"city-{first['pk']}",
                kind="city",
                type=entry_types.CITY,
                name=first["city"].strip(),
                city=first["city"].strip(),
                country_code=first["country"],
                country_name=names.get(first["country"], ""),
                clusters=_clusters_of(group, clusters),
                project_title=titled["project_title"].strip() if titled else "",
                latitude=placed["latitude"] if placed else None,
                longitude=placed["longitude"] if placed else None,
                point=map_point(latitude=placed["latitude"], longitude=placed["longitude"]) if placed else None,
            )
        )
    return entries, total


def _partner_entries(clusters: dict, names: dict) -> tuple[list[Entry], int]:
    rows = (
        active_company_registrations()
        .filter(assigned_to_id__in=_live_cluster_ids())
        .annotate(company_key=Lower(Trim("company_name")))
        .order_by("pk")
        .values("company_key", *PARTNER_FIELDS)
    )
    groups, total = _group(rows, key=lambda row: row["company_key"])
    entries = [
        Entry(
            anchor=f"partner-{group[0]['pk']}",
            kind="partner",
            type=entry_types.partner_type(group[0]),
            name=group[0]["company_name"].strip(),
            city="",
            country_code=group[0]["country"],
            country_name=names.get(group[0]["country"], ""),
            clusters=_clusters_of(group, clusters),
        )
        for group in groups.values()
    ]
    return entries, total


def directory_build() -> Directory:
    """The directory read from the database (three queries), entries sorted by name."""
    clusters = _clusters_by_key()
    names = _country_names()
    cities, total_cities = _city_entries(clusters, names)
    partners, total_partners = _partner_entries(clusters, names)
    entries = sorted([*cities, *partners], key=lambda entry: (entry.name.casefold(), entry.country_code))
    return Directory(entries=entries, total_cities=total_cities, total_partners=total_partners)


def directory() -> Directory:
    """The directory in the active language, from the cache while no roster has moved since it was built."""
    return cached_with_rosters("directory", directory_build)
