"""Adding the plugin's routers to Wagtail's API v3 (one OpenAPI document for pages and forms)."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _

# A body Django cannot read (multipart without a boundary, too many fields or files, too big). Django answers
# these with an HTML "400 Bad Request" page; the API answers with a problem document like its other errors.
UNREADABLE_BODY = (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)

ANONYMOUS_SCHEME = "AllowAnonymous"

_registered_on: set[int] = set()


#: Past this offset no listing has rows; past 2**63 SQLite fails with "datatype mismatch" (a 500).
MAX_OFFSET = 2**31 - 1


def bound_listing_offsets() -> None:
    """Give every v3 listing's ``offset`` an upper bound, so an absurd offset is a 422 problem, not a 500.

    Wagtail 8.0.1's ``WagtailLimitOffsetPagination.Input`` takes any non-negative integer, and its listings
    read the class when their routes are declared: this must run before ``wagtail.api.v3.api`` is imported.
    """
    import sys
    from typing import ClassVar

    from ninja import Field
    from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

    if "wagtail.api.v3.api" in sys.modules:
        raise RuntimeError("bound_listing_offsets() must run before Wagtail's API v3 routes are declared")
    base = WagtailLimitOffsetPagination.Input
    if getattr(base, "max_offset", None) == MAX_OFFSET:
        return

    class BoundedInput(base):
        max_offset: ClassVar[int] = MAX_OFFSET
        offset: int = Field(default=0, ge=0, le=MAX_OFFSET)

    BoundedInput.__name__ = BoundedInput.__qualname__ = base.__name__
    WagtailLimitOffsetPagination.Input = BoundedInput


def register(api=None) -> None:
    """Add the routers to ``api`` (default: Wagtail's v3 ``api``) once; before its URLs are first built."""
    if api is None:
        bound_listing_offsets()
        from wagtail.api.v3.api import api
    if id(api) in _registered_on:
        return
    from .routers import forms, staff, status

    api.add_router("/workflow-forms/", forms.router)
    api.add_router("/applications/", status.router)
    api.add_router("/applications/", staff.router)
    _describe_anonymous_access_validly(api)
    for error in UNREADABLE_BODY:
        api.add_exception_handler(error, unreadable_body_problem)
    _registered_on.add(id(api))


def unreadable_body_problem(request, exc):
    from wagtail.api.v3.errors import problem_response

    return problem_response(status=400, detail=_("The request body could not be read: %(reason)s") % {"reason": exc})


def anonymous_as_optional_security(schema: dict) -> dict:
    """Wagtail's ``AllowAnonymous`` appears as an ``http`` security scheme without a ``scheme``, which is not
    valid OpenAPI 3.1 (``scheme`` is required). OpenAPI's own way to say "no credentials needed" is an empty
    security requirement, so each ``{"AllowAnonymous": []}`` becomes ``{}`` and the scheme is dropped."""
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


def _describe_anonymous_access_validly(api) -> None:
    generate = api.get_openapi_schema

    def get_openapi_schema(*args, **kwargs):
        return anonymous_as_optional_security(generate(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
