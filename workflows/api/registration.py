"""Adding the plugin's routers to Wagtail's API v3 (one OpenAPI document for pages and forms)."""

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http.multipartparser import MultiPartParserError
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response

from .wagtail_compat import bound_listing_offsets, check_site_filter_port
from .wagtail_compat import describe_anonymous_access_validly as _describe_anonymous_access_validly

# A body Django cannot read (multipart without a boundary, too many fields or files, too big). Django answers
# these with an HTML "400 Bad Request" page; the API answers with a problem document like its other errors.
UNREADABLE_BODY = (MultiPartParserError, RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent)

_registered_on: set[int] = set()


def register(api=None) -> None:
    """Add the routers to ``api`` (default: Wagtail's v3 ``api``) once; before its URLs are first built."""
    # Imported here, not above: Wagtail's routes and ours read the pagination's offset bound as they are
    # declared, so ``bound_listing_offsets`` must run before either module is first imported.
    if api is None:
        bound_listing_offsets()
        from wagtail.api.v3.api import api
    if id(api) in _registered_on:
        return
    from .routers import assessment_requests, drafts, forms, staff, status

    api.add_router("/workflow-forms/", forms.router)
    api.add_router("/workflow-forms/", drafts.router)
    api.add_router("/applications/", status.router)
    api.add_router("/applications/", staff.router)
    api.add_router("/applications/", assessment_requests.router)
    _describe_anonymous_access_validly(api)
    check_site_filter_port()
    for error in UNREADABLE_BODY:
        api.add_exception_handler(error, unreadable_body_problem)
    _registered_on.add(id(api))


def unreadable_body_problem(request, exc):
    return problem_response(status=400, detail=_("The request body could not be read: %(reason)s") % {"reason": exc})
