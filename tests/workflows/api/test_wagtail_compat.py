"""The plugin's fixes to Wagtail's API v3 apply only to the Wagtail versions known to need them."""

from types import SimpleNamespace

import wagtail
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from workflows.api import wagtail_compat

AFFECTED = (8, 0, 1, "final", 1)
FIXED_UPSTREAM = (8, 1, 0, "final", 1)
OLDER = (7, 3, 0, "final", 1)


def anonymous_document() -> dict:
    return {
        "paths": {"/forms/": {"get": {"security": [{"BearerAuth": []}, {"AllowAnonymous": []}]}}},
        "components": {"securitySchemes": {"BearerAuth": {"type": "http", "scheme": "bearer"}, "AllowAnonymous": {}}},
    }


def fake_api():
    return SimpleNamespace(get_openapi_schema=anonymous_document)


def test_the_installed_wagtail_is_one_the_fixes_were_checked_against():
    """Upgrading Wagtail fails here first: check whether upstream fixed each problem, then move the ranges."""
    assert wagtail_compat.affected(wagtail_compat.UNBOUNDED_OFFSET_VERSIONS, wagtail.VERSION)
    assert wagtail_compat.affected(wagtail_compat.INVALID_ANONYMOUS_SCHEME_VERSIONS, wagtail.VERSION)


def test_a_version_outside_the_range_is_not_affected():
    versions = wagtail_compat.UNBOUNDED_OFFSET_VERSIONS

    assert wagtail_compat.affected(versions, AFFECTED)
    assert not wagtail_compat.affected(versions, FIXED_UPSTREAM)
    assert not wagtail_compat.affected(versions, OLDER)


def test_listing_offsets_are_bounded_on_affected_versions_only():
    assert wagtail_compat.bound_listing_offsets(version=AFFECTED) is True
    assert WagtailLimitOffsetPagination.Input.max_offset == wagtail_compat.MAX_OFFSET

    patched = WagtailLimitOffsetPagination.Input
    assert wagtail_compat.bound_listing_offsets(version=FIXED_UPSTREAM) is False
    assert WagtailLimitOffsetPagination.Input is patched, "left alone, not replaced again"


def test_anonymous_access_becomes_an_empty_requirement_on_affected_versions():
    api = fake_api()

    assert wagtail_compat.describe_anonymous_access_validly(api, version=AFFECTED) is True

    document = api.get_openapi_schema()
    assert "AllowAnonymous" not in document["components"]["securitySchemes"]
    assert document["paths"]["/forms/"]["get"]["security"] == [{"BearerAuth": []}, {}]


def test_a_fixed_wagtail_keeps_its_own_document():
    api = fake_api()

    assert wagtail_compat.describe_anonymous_access_validly(api, version=FIXED_UPSTREAM) is False

    assert api.get_openapi_schema is anonymous_document
