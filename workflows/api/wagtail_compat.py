"""Fixes for problems in Wagtail's API v3, each applied only to the Wagtail versions known to have it.

Each fix names the Wagtail releases it was checked against as ``(first affected, first not known to be
affected)``. On a Wagtail outside that range the fix is not applied, and the tests that pin the behaviour
(``tests/api/test_status_and_document.py``) say whether upstream fixed it or the range needs widening.
"""

import importlib
import sys
from typing import ClassVar

import wagtail
from django.http import Http404
from ninja import Field
from pydantic import model_validator
from wagtail.api import validators
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

#: ``WagtailLimitOffsetPagination.Input.offset`` in ``wagtail/api/v3/pagination.py`` is
#: ``Field(default=0, ge=0)`` with no upper bound (checked in 8.0.0 and 8.0.1).
UNBOUNDED_OFFSET_VERSIONS = ((8, 0), (8, 1))
#: ``wagtail.api.v3.auth.AllowAnonymous`` subclasses django-ninja's ``HttpAuthBase``, so the document
#: declares it as ``{"type": "http"}`` without the ``scheme`` OpenAPI 3.1 requires for that type
#: (checked in 8.0.0 and 8.0.1).
INVALID_ANONYMOUS_SCHEME_VERSIONS = ((8, 0), (8, 1))

#: ``wagtail.api.validators.SiteFilterValidator`` splits ``site=host:port`` and looks the port up as given,
#: so a port that is not a number ("a:b") raises Django's ValueError from the query: a 500 on the pages
#: listing and on ``pages/find`` (checked in 8.0.0 and 8.0.1).
UNCHECKED_SITE_PORT_VERSIONS = ((8, 0), (8, 1))

#: Past this offset no listing has rows; past 2**63 SQLite fails with "datatype mismatch" (a 500).
MAX_OFFSET = 2**31 - 1

ANONYMOUS_SCHEME = "AllowAnonymous"


def affected(versions: tuple[tuple[int, int], tuple[int, int]], version: tuple | None = None) -> bool:
    """Whether ``version`` (default: the installed Wagtail) lies in ``versions``' half-open range."""
    first_affected, first_unaffected = versions
    return first_affected <= tuple((version or wagtail.VERSION)[:2]) < first_unaffected


def bound_listing_offsets(*, version: tuple | None = None) -> bool:
    """Give every v3 listing's ``offset`` an upper bound, so an absurd offset is a 422 problem, not a 500.

    The listings read ``WagtailLimitOffsetPagination.Input`` when their routes are declared, so this must
    run before ``wagtail.api.v3.api`` is imported. Returns whether the bound is in place.
    """
    if not affected(UNBOUNDED_OFFSET_VERSIONS, version):
        return False
    base = WagtailLimitOffsetPagination.Input
    if getattr(base, "max_offset", None) == MAX_OFFSET:
        return True
    if "wagtail.api.v3.api" in sys.modules:
        raise RuntimeError("bound_listing_offsets() must run before Wagtail's API v3 routes are declared")

    class BoundedInput(base):
        max_offset: ClassVar[int] = MAX_OFFSET
        offset: int = Field(default=0, ge=0, le=MAX_OFFSET)

    BoundedInput.__name__ = BoundedInput.__qualname__ = base.__name__
    WagtailLimitOffsetPagination.Input = BoundedInput
    return True


def describe_anonymous_access_validly(api, *, version: tuple | None = None) -> bool:
    """Make ``api``'s OpenAPI document say "no credentials needed" the valid way. Returns whether it does."""
    if not affected(INVALID_ANONYMOUS_SCHEME_VERSIONS, version):
        return False
    generate = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return anonymous_as_optional_security(generate(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
    return True


def anonymous_as_optional_security(schema: dict) -> dict:
    """OpenAPI's own way to say "no credentials needed" is an empty security requirement: each
    ``{"AllowAnonymous": []}`` becomes ``{}`` and the invalid scheme is dropped."""
    schemes = schema.get("components", {}).get("securitySchemes", {})
    if schemes.pop(ANONYMOUS_SCHEME, None) is None:
        return schema
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            if isinstance(operation, dict) and operation.get("security"):
                operation["security"] = [
                    {} if set(requirement) == {ANONYMOUS_SCHEME} else requirement
                    for requirement in operation["security"]
                ]
    return schema


def check_site_filter_port(*, version: tuple | None = None) -> bool:
    """Answer a ``site`` filter whose port is not a number as "no such site" (404), like an unknown host.

    Replaces ``SiteFilterValidator`` in the modules that look it up by name. Returns whether it did.
    """
    if not affected(UNCHECKED_SITE_PORT_VERSIONS, version):
        return False
    base = validators.SiteFilterValidator
    if getattr(base, "checks_port", False):
        return True

    class PortCheckedSiteFilterValidator(base):
        checks_port: ClassVar[bool] = True

        @model_validator(mode="after")
        def port_is_a_number(self):
            if self.site and ":" in self.site and not self.site.split(":", 1)[1].isdigit():
                raise Http404("No site has this port.")
            return self

    PortCheckedSiteFilterValidator.__name__ = PortCheckedSiteFilterValidator.__qualname__ = base.__name__
    for name in ("wagtail.api.validators", "wagtail.api.querysets", "wagtail.api.v3.routers.pages"):
        module = sys.modules.get(name) or importlib.import_module(name)
        if getattr(module, "SiteFilterValidator", None) is base:
            module.SiteFilterValidator = PortCheckedSiteFilterValidator
    return True
