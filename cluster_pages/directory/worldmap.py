"""The directory's map: Natural Earth's land outlines as one SVG path, drawn on the server from a vendored
TopoJSON file (``static/cluster_pages/map``), in an equirectangular projection cropped to the inhabited latitudes.

Nothing is fetched from elsewhere and no script draws it, so the page's Content-Security-Policy stays as it is.
"""

import html
import json
from functools import lru_cache
from pathlib import Path

from django.utils.html import escape
from django.utils.safestring import mark_safe

OUTLINES = Path(__file__).resolve().parent.parent / "static" / "cluster_pages" / "map" / "land-110m.json"

WIDTH = 1000
NORTH, SOUTH = 84.0, -58.0  # Antarctica and the far north hold no member city: the map keeps their space
HEIGHT = round(WIDTH * (NORTH - SOUTH) / 360)
VIEW_BOX = f"0 0 {WIDTH} {HEIGHT}"


def map_point(*, latitude: float, longitude: float) -> tuple[float, float]:
    """(x, y) in the map's SVG coordinates; latitudes beyond the crop are held at its edge."""
    latitude = min(max(latitude, SOUTH), NORTH)
    longitude = min(max(longitude, -180.0), 180.0)
    return (round((longitude + 180.0) * WIDTH / 360.0, 1), round((NORTH - latitude) * WIDTH / 360.0, 1))


def _decoded_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """The topology's arcs as (longitude, latitude) points: delta-decoded, then un-quantised."""
    scale_x, scale_y = topology["transform"]["scale"]
    shift_x, shift_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * scale_x + shift_x, y * scale_y + shift_y))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc[1:] if points else arc)  # consecutive arcs share their joining point
    return points


def _polygons(geometry: dict):
    if geometry["type"] == "Polygon":
        yield geometry["arcs"]
    elif geometry["type"] == "MultiPolygon":
        yield from geometry["arcs"]
    elif geometry["type"] == "GeometryCollection":
        for child in geometry["geometries"]:
            yield from _polygons(child)


def _projected(ring: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """The ring in map coordinates, unwrapped where it crosses the antimeridian (a jump of more than half the
    world continues past the map's edge instead of drawing a line across it)."""
    points, shift, previous = [], 0.0, None
    for lon, lat in ring:
        if previous is not None and abs(lon - previous) > 180:
            shift += 360 if previous > lon else -360
        previous = lon
        points.append((round((lon + shift + 180.0) * WIDTH / 360.0, 1), round((NORTH - lat) * WIDTH / 360.0, 1)))
    return points


def _subpath(points) -> str:
    return "M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z"


@lru_cache(maxsize=1)
def land_path() -> str:
    """The land as the ``d`` of one SVG path (about 60 kB), read and drawn once per process."""
    topology = json.loads(OUTLINES.read_text(encoding="utf-8"))
    arcs = _decoded_arcs(topology)
    parts = []
    for polygon in _polygons(topology["objects"]["land"]):
        for ring in polygon:
            lonlat = _ring(ring, arcs)
            if len(lonlat) < 3 or max(lat for _lon, lat in lonlat) < SOUTH:
                continue  # Antarctica lies below the map
            points = _projected(lonlat)
            parts.append(_subpath(points))
            # A ring that runs past one edge is drawn again from the other, so both sides show their part.
            if max(x for x, _y in points) > WIDTH:
                parts.append(_subpath([(x - WIDTH, y) for x, y in points]))
            if min(x for x, _y in points) < 0:
                parts.append(_subpath([(x + WIDTH, y) for x, y in points]))
    return mark_safe("".join(parts))  # noqa: S308 - numbers and the letters M, L and Z only


def map_markers(entries, *, per_page: int, current: int, query) -> str:
    """The SVG markup of a marker for each placed entry of ``entries`` (the filtered list, in its order): a link
    named "City, Country" (its accessible name and its tooltip) to the city's entry, on whichever page of the list
    holds it.

    Built here rather than in a template loop: a thousand markers cost a few milliseconds this way."""
    params = query.copy()
    params.pop("page", None)
    base = escape(f"?{params.urlencode()}&page=" if params else "?page=")
    markers = []
    for position, entry in enumerate(entries):
        if entry.point is None:
            continue
        number = position // per_page + 1
        href = f"#{entry.anchor}" if number == current else f"{base}{number}#{entry.anchor}"
        label = _escape_text(entry.place_label)
        x, y = entry.point
        markers.append(
            f'<a class="directory-map__marker" href="{href}" aria-label="{label}"><title>{label}</title>'
            f'<circle cx="{x:g}" cy="{y:g}" r="7"></circle></a>'
        )
    return mark_safe("".join(markers))  # noqa: S308 - every value in it is escaped, a number or an anchor id


def _escape_text(text: str) -> str:
    # The standard library's escape (Django's adds a lazy-string wrapper a thousand calls a page can do without).
    return html.escape(text, quote=True)
