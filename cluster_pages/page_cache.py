"""Whole public pages cached for anonymous readers, renewed by the same generations as the page chrome.

What is cached: the ``200`` answer to a ``GET`` of a Wagtail page (the ``wagtail_serve`` routes), per scheme,
host, language, path with query string and day, in the ``pages`` cache (Redis with ``REDIS_URL``, each
process's memory otherwise) for at most ``PAGE_CACHE_SECONDS`` (300 by default; 0 turns the cache off).

For whom: a request that carries no cookie but the CSRF and language ones and no ``Authorization`` header, so
never anyone signed in (the session cookie), nor a visitor with a session (a password-protected page passed, a
form's thank-you) or a message waiting. An answer is stored only when rendering it set no cookie, used no CSRF
token (a form: the blank application forms, an event's registration), saved nothing in the session, queued no
message, and said nothing against it (``Cache-Control`` ``private``, ``no-store`` or ``no-cache``), and never for
a preview. Anything else about the request the answer varies on (its ``Vary`` header, beyond ``Cookie`` and
``Accept-Language``, which the rules above and the language in the key already cover) must match the stored
request's, or it is a miss.

Renewed: the key carries the page chrome's generation (any page saved, published, unpublished, moved or deleted,
a view restriction, the site settings, a footer: ``chrome``), the rosters' (an application entering or leaving
"active": ``roster_cache``), the pages' own (``pages_invalidate()``, for anything else a page shows) and the
date (the upcoming events). The three generations are read in one round trip, so a publish shows on the very
next request in every language. ``PAGE_CACHE_SECONDS`` bounds what no signal tells (a bulk ``update``, the
clock within a day).

A cached page still gets a fresh CSP nonce each time (the stored copy holds a placeholder where the nonce was,
and the CSP middleware writes the header for the new one), ``Vary: Cookie``, an ``ETag`` and a
``Last-Modified``; a conditional ``GET`` that matches answers ``304`` with neither body nor CSP header (a browser
keeps the stored page's header, whose nonce matches the page it keeps).
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date
from wagtail import views as wagtail_views

from .chrome import GENERATION_KEY as CHROME_GENERATION_KEY
from .roster_cache import GENERATION_KEY as ROSTER_GENERATION_KEY

GENERATION_KEY = "pages:generation"
DEFAULT_SECONDS = 300
#: Longer query strings are served but never stored: nobody can fill the cache with made-up addresses.
MAX_QUERY_LENGTH = 256
#: Larger answers are served but never stored.
MAX_BODY_BYTES = 1024 * 1024
NONCE_PLACEHOLDER = b"\x00csp-nonce\x00"
CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")
#: Headers never replayed from the store: the middleware outside this one writes them for each answer.
NOT_STORED = {"set-cookie", "content-length", *(name.lower() for name in CSP_HEADERS)}
#: Vary headers the rules of who is served already cover (see the module's docstring).
COVERED_VARY = {"cookie", "accept-language"}
SERVE_VIEWS = {wagtail_views.serve}


def seconds() -> int:
    return int(getattr(settings, "PAGE_CACHE_SECONDS", DEFAULT_SECONDS) or 0)


def _store():
    return caches["pages"] if "pages" in settings.CACHES else cache


def _generations() -> tuple:
    """The chrome's, the rosters' and the pages' generations, in one cache read."""
    keys = (CHROME_GENERATION_KEY, ROSTER_GENERATION_KEY, GENERATION_KEY)
    found = cache.get_many(keys)
    missing = [key for key in keys if key not in found]
    for key in missing:  # started by whichever reader comes first, as the chrome and the rosters do
        cache.add(key, 1, timeout=None)
    if missing:
        found = {**found, **cache.get_many(missing)}
    return tuple(found.get(key, 1) for key in keys)


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, _generations()[2] + 1, timeout=None)


def pages_invalidate(**_kwargs) -> None:
    """Make every cached page stale, now and again at the commit (for a change no other generation covers)."""
    _next_generation()
    transaction.on_commit(_next_generation)


def _allowed_cookies() -> set[str]:
    return {settings.CSRF_COOKIE_NAME, settings.LANGUAGE_COOKIE_NAME}


def _may_be_served_from_cache(request) -> bool:
    return (
        request.method == "GET"
        and not request.META.get("HTTP_AUTHORIZATION")
        and set(request.COOKIES) <= _allowed_cookies()
        and len(request.META.get("QUERY_STRING", "")) <= MAX_QUERY_LENGTH
    )


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    chrome, rosters, pages = _generations()
    request._chrome_generation = chrome  # the chrome reads it from the request on a miss
    day = timezone.localdate().isoformat()
    return f"page:{chrome}:{rosters}:{pages}:{day}:{translation.get_language()}:{digest}"


def _may_be_stored(request, response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    if getattr(request, "is_preview", False) or request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return False
    session = getattr(request, "session", None)
    if session is not None and (session.modified or (session.accessed and not session.is_empty())):
        return False
    if getattr(getattr(request, "_messages", None), "added_new", False):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    if any(word in cache_control for word in ("private", "no-store", "no-cache", "max-age=0")):
        return False
    return len(response.content) <= MAX_BODY_BYTES


def _varied_headers(response) -> list[str]:
    if not response.has_header("Vary"):
        return []
    names = [name.strip() for name in response["Vary"].split(",") if name.strip()]
    return sorted({name.lower() for name in names} - COVERED_VARY)


def _request_values(request, names) -> dict:
    return {name: request.META.get("HTTP_" + name.upper().replace("-", "_"), "") for name in names}


def _entry(request, response) -> dict | None:
    varied = _varied_headers(response)
    if "*" in varied:
        return None
    body = bytes(response.content)
    nonce = getattr(request, "_csp_nonce", None)
    if isinstance(nonce, str):
        body = body.replace(nonce.encode(), NONCE_PLACEHOLDER)
    headers = [(name, value) for name, value in response.headers.items() if name.lower() not in NOT_STORED]
    return {
        "status": response.status_code,
        "headers": headers,
        "body": body,
        "nonce": isinstance(nonce, str),
        "varied": _request_values(request, varied),
        "etag": f'"{hashlib.sha256(body).hexdigest()[:32]}"',
        "last_modified": time.time(),
    }


def _response_from(request, entry) -> HttpResponse:
    body = entry["body"]
    if entry["nonce"]:
        # A fresh nonce for this answer; the CSP middleware writes it in the header on the way out.
        body = body.replace(NONCE_PLACEHOLDER, str(request.csp_nonce).encode())
    response = HttpResponse(body, status=entry["status"])
    for name, value in entry["headers"]:
        response.headers[name] = value
    return response


def _cacheable_headers(response, entry) -> None:
    response.headers["ETag"] = entry["etag"]
    response.headers["Last-Modified"] = http_date(entry["last_modified"])
    # Readers signed in see another page at the same address; the browser asks again (a 304 when unchanged).
    patch_vary_headers(response, ["Cookie"])
    if not response.has_header("Cache-Control"):
        patch_cache_control(response, no_cache=True)


def _not_modified(request, response, entry):
    """A 304 when the reader's copy is current; without a CSP header, whose nonce would not match their copy."""
    answer = get_conditional_response(
        request, etag=entry["etag"], last_modified=int(entry["last_modified"]), response=response
    )
    if answer is not response:
        answer._csp_exempt = True
        answer._csp_exempt_ro = True
        patch_vary_headers(answer, ["Cookie"])
    return answer


class PageCacheMiddleware:
    """Serves and stores whole pages for anonymous readers (see the module's docstring). After the messages'."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        key = getattr(request, "_page_cache_key", None)
        if key is None or getattr(request, "_page_cache_hit", False):
            return response
        if _may_be_stored(request, response):
            entry = _entry(request, response)
            if entry is not None:
                _store().set(key, entry, timeout=seconds())
                _cacheable_headers(response, entry)
                response.headers["X-Page-Cache"] = "miss"
                return _not_modified(request, response, entry)
        response.headers.setdefault("X-Page-Cache", "skip")
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func not in SERVE_VIEWS or not seconds() or not _may_be_served_from_cache(request):
            return None
        key = request._page_cache_key = _key(request)
        entry = _store().get(key)
        if entry is None or entry["varied"] != _request_values(request, entry["varied"]):
            return None
        request._page_cache_hit = True
        response = _response_from(request, entry)
        _cacheable_headers(response, entry)
        response.headers["X-Page-Cache"] = "hit"
        return _not_modified(request, response, entry)
