"""Structured logging: one JSON object per line on stderr, with secrets scrubbed before anything is written.

``ScrubSecretsFilter`` removes applicants' status tokens (the ``/status/<token>/`` path segment and any
``token=`` parameter), set-password tokens, bearer tokens and passwords from the message, the traceback and
the request path. ``JsonLinesFormatter`` writes the event as one line a log collector can parse.
"""

import datetime
import json
import logging
import re

SCRUBBED = "[scrubbed]"

_PATTERNS = (
    # An applicant's private status link: /applications/status/<token>/...
    (re.compile(r"(/status/)[^/?#\s\"'<>]+"), rf"\g<1>{SCRUBBED}"),
    # A member's set-password link: /account/set-password/<uidb64>/<token>/
    (re.compile(r"(/set-password/[^/?#\s\"'<>]+/)[^/?#\s\"'<>]+"), rf"\g<1>{SCRUBBED}"),
    # Query and form parameters: ?token=..., &password=...
    (
        re.compile(r"([?&;](?:[\w-]{0,64}token|[\w-]{0,64}password|passwd|secret|key)=)[^&#\s\"'<>]*", re.I),
        rf"\g<1>{SCRUBBED}",
    ),
    # "password": "...", 'new_password1': '...', password=...
    (
        re.compile(
            r"""((?:["']?)[\w-]{0,64}(?:password|passwd|secret|token)\w{0,64}(?:["']?)\s*[:=]\s*)("[^"]*"|'[^']*'|[^\s,&}]+)""",
            re.I,
        ),
        rf"\g<1>{SCRUBBED}",
    ),
    (re.compile(r"(Bearer\s+)[\w.~+/-]+=*", re.I), rf"\g<1>{SCRUBBED}"),
)


_URL_SECRETS = (
    re.compile(r"/status/([^/?#\s\"'<>]+)"),
    re.compile(r"/set-password/[^/?#\s\"'<>]+/([^/?#\s\"'<>]+)"),
    re.compile(r"[?&;][\w-]*token=([^&#\s\"'<>]+)", re.I),
)


#: Longer texts are cut before scrubbing: a log line never needs a megabyte, and the patterns stay fast on
#: hostile input (a 1 MB run of word characters made the unbounded patterns take minutes).
MAX_LOGGED_CHARACTERS = 20_000


def scrub(text: str, *, secrets: tuple[str, ...] = ()) -> str:
    """``text`` with every status token, set-password token, bearer token and password replaced, and
    each of ``secrets`` wherever it appears (e.g. a request's token quoted in an exception message)."""
    for secret in secrets:
        text = text.replace(secret, SCRUBBED)
    if len(text) > MAX_LOGGED_CHARACTERS:
        text = text[:MAX_LOGGED_CHARACTERS] + " …[cut]"
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def secrets_in_url(url: str) -> tuple[str, ...]:
    """The tokens a URL carries (status link, set-password link, ``token=`` parameter)."""
    return tuple(match for pattern in _URL_SECRETS for match in pattern.findall(url) if len(match) >= 8)


class ScrubSecretsFilter(logging.Filter):
    """Scrub secrets from a record's message, traceback and request path (it never drops a record)."""

    _formatter = logging.Formatter()

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        secrets: tuple[str, ...] = ()
        if request is not None and hasattr(request, "get_full_path"):
            secrets = secrets_in_url(request.get_full_path())
            record.http_method = request.method
            record.http_path = scrub(request.get_full_path(), secrets=secrets)
        record.msg = scrub(record.getMessage(), secrets=secrets)
        record.args = ()
        if record.exc_info and not record.exc_text:
            record.exc_text = self._formatter.formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text, secrets=secrets)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info, secrets=secrets)
        return True


class JsonLinesFormatter(logging.Formatter):
    """One JSON object per event: time, level, logger, message, and the request and traceback if any."""

    def format(self, record: logging.LogRecord) -> str:
        event = {
            "time": datetime.datetime.fromtimestamp(record.created, tz=datetime.UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        for key in ("status_code", "http_method", "http_path"):
            value = getattr(record, key, None)
            if value is not None:
                event[key.removeprefix("http_")] = value
        if record.exc_info and not record.exc_text:
            record.exc_text = self.formatException(record.exc_info)
        if record.exc_text:
            event["exception"] = record.exc_text
        if record.stack_info:
            event["stack"] = record.stack_info
        return json.dumps(event, ensure_ascii=False, default=str)
