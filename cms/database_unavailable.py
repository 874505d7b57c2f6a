"""While the database cannot be reached, answer 503 with ``Retry-After`` instead of a bare 500.

``/api/`` answers an ``application/problem+json`` document; every other path the styled ``503.html``,
rendered without a request context so it needs no database. The middleware handles errors raised by
views; ``server_error`` (the site's ``handler500``) handles those raised by other middleware, which
Django turns into a 500 before an outer middleware could see them.
"""

import logging
import sys
import traceback

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from wagtail.api.v3.errors import problem_response

logger = logging.getLogger("cms.database_unavailable")

API_PREFIX = "/api/"
# Seconds a client should wait before trying again (a database restart takes a few seconds).
RETRY_AFTER = 30


def is_database_unavailable(error: BaseException) -> bool:
    """True for a lost or refused connection, and for any database error raised while connecting."""
    if isinstance(error, OperationalError | InterfaceError):
        return True
    if isinstance(error, DatabaseError):
        frames = traceback.extract_tb(error.__traceback__)
        return any(frame.name in {"connect", "ensure_connection", "get_new_connection"} for frame in frames)
    return False


def database_unavailable_response(request) -> HttpResponse:
    retry_after = getattr(settings, "DATABASE_UNAVAILABLE_RETRY_AFTER", RETRY_AFTER)
    if request.path.startswith(API_PREFIX):
        response = problem_response(
            status=503,
            title="Service Unavailable",
            detail=_("The service is briefly unavailable; please try again shortly."),
        )
    else:
        html = loader.get_template("503.html").render()
        response = HttpResponse(html, status=503)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Turn a view's database-connection error into a 503 (see the module docstring)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_unavailable(exception):
            return None
        logger.warning(
            "database unavailable method=%s path=%s error=%s",
            request.method,
            request.path,
            type(exception).__name__,
            extra={"status_code": 503},
        )
        return database_unavailable_response(request)


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME) -> HttpResponse:
    """The site's 500 view: a 503 when the error being handled is the database being unreachable."""
    error = sys.exc_info()[1]
    if error is not None and is_database_unavailable(error):
        return database_unavailable_response(request)
    return defaults.server_error(request, template_name=template_name)
