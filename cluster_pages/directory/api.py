"""API v3: ``GET /api/v3/directory/``, the member directory as data: only listed entries, only consented fields.

The same selector and filters as the page (``selectors.directory``, ``filters.DirectoryFilter``); added to
Wagtail's API in ``ClusterPagesConfig.ready()`` so it shares its OpenAPI document.
"""

from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router, Schema
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import problem_response

from workflows.api.language import LOCALE_PARAMETER, UnknownLocale, requested_language
from workflows.api.problems import merge_openapi, problem_responses

from .entries import type_choices
from .filters import SEARCH_MAX_LENGTH, DirectoryFilter
from .selectors import directory

router = Router(tags=["member directory"], auth=AllowAnonymous())


class Country(Schema):
    code: str
    name: str


class ClusterRef(Schema):
    id: int
    title: str


class Location(Schema):
    latitude: float
    longitude: float


class DirectoryEntryOut(Schema):
    id: str
    kind: str
    type: str
    type_label: str
    name: str
    city: str
    country: Country | None
    clusters: list[ClusterRef]
    project_title: str | None
    location: Location | None


class DirectoryCounts(Schema):
    member_cities: int
    listed_member_cities: int
    partner_organisations: int
    listed_partner_organisations: int
    matching: int


class DirectoryOut(Schema):
    counts: DirectoryCounts
    items: list[DirectoryEntryOut]


FILTER_PARAMETERS = [
    LOCALE_PARAMETER,
    {
        "in": "query",
        "name": "cluster",
        "required": False,
        "schema": {"type": "string"},
        "description": "A cluster's id (its default-language page) from an entry's `clusters`.",
    },
    {
        "in": "query",
        "name": "country",
        "required": False,
        "schema": {"type": "string"},
        "description": "An ISO 3166-1 alpha-2 code of a listed entry.",
    },
    {
        "in": "query",
        "name": "type",
        "required": False,
        "schema": {"type": "string", "enum": ["", *(value for value, _label in type_choices())]},
        "description": "`city` or a partner organisation's type.",
    },
    {
        "in": "query",
        "name": "q",
        "required": False,
        "schema": {"type": "string", "maxLength": SEARCH_MAX_LENGTH},
        "description": "Words that must all appear in the name, city, country or project title.",
    },
]


def entry_data(entry) -> dict:
    return {
        "id": entry.anchor,
        "kind": entry.kind,
        "type": entry.type,
        "type_label": entry.type_label,
        "name": entry.name,
        "city": entry.city,
        "country": {"code": entry.country_code, "name": entry.country_name} if entry.country_code else None,
        "clusters": [{"id": cluster.pk, "title": cluster.title} for cluster in entry.clusters],
        "project_title": entry.project_title or None,
        "location": {"latitude": entry.latitude, "longitude": entry.longitude}
        if entry.latitude is not None and entry.longitude is not None
        else None,
    }


@router.get(
    "/",
    response=DirectoryOut,
    url_name="directory_list",
    operation_id="directory_list",
    summary="List the member directory's listed cities and partner organisations",
    openapi_extra=merge_openapi({"parameters": FILTER_PARAMETERS}, problem_responses(400)),
)
def directory_list(request):
    try:
        language = requested_language(request)
    except UnknownLocale as error:
        return error.response
    with translation.override(language):
        found = directory()
        query = request.GET.copy()
        query.pop("locale", None)
        entry_filter = DirectoryFilter(query or None, entries=found.entries)
        if entry_filter.is_bound and not entry_filter.is_valid():
            problems = "; ".join(
                f"{name}: {' '.join(str(error) for error in errors)}" for name, errors in entry_filter.errors.items()
            )
            return problem_response(
                status=400, detail=_("A filter value is not valid: %(problems)s") % {"problems": problems}
            )
        items = [entry_data(entry) for entry in entry_filter.entries]
        return {
            "counts": {
                "member_cities": found.total_cities,
                "listed_member_cities": found.listed_cities,
                "partner_organisations": found.total_partners,
                "listed_partner_organisations": found.listed_partners,
                "matching": len(items),
            },
            "items": items,
        }


def register(api=None) -> None:
    """Add the router to Wagtail's API v3 (once), before its URLs are first built."""
    if api is None:
        from workflows.api import register as plugin_register

        plugin_register()  # first: it bounds the listings' offsets before Wagtail's API module is imported
        from wagtail.api.v3.api import api
    if getattr(api, "_directory_router_added", False):
        return
    api.add_router("/directory/", router)
    api._directory_router_added = True
