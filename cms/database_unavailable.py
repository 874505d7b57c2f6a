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
from django.db import DatabaseError, InterfaceError, OperationalError, connections
from django.http import HttpResponse
from django.template import loader
from django.utils.translation import gettext as _
from django.views import defaults
from wagtail.api.v3.errors import problem_response

logger = logging.getLogger("cms.database_unavailable")

API_PREFIX = "/api/"
# Seconds a client should wait before trying again (a database restart takes a few seconds).
RETRY_AFTER = 30


# SQLSTATEs of a database that cannot be reached right now: connection exceptions (class 08), a shutdown or
# start-up in progress, too many connections.
UNAVAILABLE_SQLSTATES = ("08", "57P01", "57P02", "57P03", "53300")
# What the drivers say when the connection went or never came (psycopg gives no SQLSTATE for a lost socket).
LOST_CONNECTION_WORDS = (
    "connection refused",
    "could not connect",
    "server closed the connection",
    "terminating connection",
    "connection is lost",
    "connection already closed",
    "consuming input failed",
    "the database system is",
    "timeout expired",
    "unable to open database file",
    "disk i/o error",
    "database is locked",
)


def _connection_lost(error: BaseException) -> bool:
    sqlstate = getattr(error.__cause__, "sqlstate", None) or ""
    if sqlstate.startswith(UNAVAILABLE_SQLSTATES):
        return True
    if any(getattr(db.connection, "broken", False) for db in connections.all(initialized_only=True)):
        return True
    message = str(error).lower()
    return any(words in message for words in LOST_CONNECTION_WORDS)


def is_database_unavailable(error: BaseException) -> bool:
    """True for a lost or refused connection, and for any database error raised while connecting.

    Not for the database refusing a query (a syntax error in a search, a number out of range, a missing table):
    that is a bug or bad input, and "briefly unavailable" would be a false promise.
    """
    if isinstance(error, InterfaceError):
        return True
    if isinstance(error, DatabaseError):
        frames = traceback.extract_tb(error.__traceback__)
        if any(frame.name in {"connect", "ensure_connection", "get_new_connection"} for frame in frames):
            return True
    return isinstance(error, OperationalError) and _connection_lost(error)


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
