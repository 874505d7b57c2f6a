"""Abuse protection for the public forms: honeypot, per-IP rate limits (submissions and wrong status links),
upload checks, double-submission guard.

CSRF is Django's own middleware; nothing here replaces it.
"""

import hashlib
import json
import logging
import math
import re
import zipfile
from dataclasses import dataclass
from datetime import timedelta
from pathlib import PurePath

import filetype
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import DatabaseError
from django.http import Http404
from django.template.defaultfilters import filesizeformat
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from django_ratelimit import ALL
from django_ratelimit.core import get_usage

logger = logging.getLogger(__name__)

# -- honeypot ---------------------------------------------------------------------------------------------

#: A name a form-filling robot finds tempting; no core field or extra question may use it.
HONEYPOT_FIELD_NAME = "fax_number"

HONEYPOT_MESSAGE = _(
    "We could not accept this submission. If you are a person, please reload the page and try again, or write to us."
)


class HoneypotField(forms.CharField):
    """A field people never see or reach; anything typed into it marks the submission as automated.

    The template wraps it in an ``aria-hidden`` element that is visually hidden, so screen readers skip it too.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off", "data-honeypot": "true"})
        )
        super().__init__(**kwargs)


def honeypot_filled(data) -> bool:
    return bool((data.get(HONEYPOT_FIELD_NAME) or "").strip())


# -- rate limit -------------------------------------------------------------------------------------------


def rate_limit() -> str:
    """Submissions per IP address and form, e.g. "10/h" (setting ``WORKFLOW_FORMS_RATE_LIMIT``)."""
    return getattr(settings, "WORKFLOW_FORMS_RATE_LIMIT", "10/h")


def rate_limit_exceeded(request, *, group: str) -> bool:
    """Count this request against the IP's allowance for ``group``; true once the allowance is used up.

    Fails open: when the counter cannot be stored (its cache's database is busy or down), the person is let
    through and a warning is logged. A limiter that refuses everyone while its own storage is failing turns a
    hiccup into an outage for real applicants; CSRF, the honeypot and the double-submission guard still apply.
    django-ratelimit's own default (``RATELIMIT_FAIL_OPEN`` unset) would refuse: this does not depend on it.
    """
    try:
        usage = get_usage(request, group=group, key="ip", rate=rate_limit(), method="POST", increment=True)
    except DatabaseError as error:  # the cache's database failed where django-ratelimit does not catch it
        logger.warning("Rate-limit counter for %s not stored (%s); letting the request through.", group, error)
        return False
    if usage is None:  # RATELIMIT_ENABLE is off, or RATELIMIT_FAIL_OPEN let a storage failure through
        return False
    if usage["count"] == 0:  # this request was counted, so no count means the counter was not stored
        logger.warning("Rate-limit counter for %s not stored; letting the request through.", group)
        return False
    return usage["should_limit"]


def too_many_requests(request, *, page=None, retry_after: int | None = None, wrong_status_links=False):
    """The plugin's one 429 page: what happened, when to try again (``Retry-After`` when known), nothing saved."""
    context = {
        "page": page,
        "self": page,
        "rate": rate_limit(),
        "wrong_status_links": wrong_status_links,
        "retry_after_minutes": math.ceil(retry_after / 60) if retry_after else None,
    }
    response = TemplateResponse(request, "workflows/too_many_requests.html", context, status=429)
    if retry_after:
        response.headers["Retry-After"] = str(retry_after)
    return response


# -- wrong status links -----------------------------------------------------------------------------------

STATUS_LINK_GROUP = "workflow_forms:status-link"


def status_link_rate_limit() -> str:
    """Wrong status tokens per IP address, e.g. "20/h" (setting ``WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT``)."""
    return getattr(settings, "WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT", "20/h")


class TooManyWrongTokens(Exception):
    """This IP address has used up its wrong status tokens; ``retry_after`` is in seconds."""

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = max(int(retry_after), 1)


def _wrong_token_usage(request, *, increment: bool):
    try:
        return get_usage(
            request,
            group=STATUS_LINK_GROUP,
            key="ip",
            rate=status_link_rate_limit(),
            method=ALL,
            increment=increment,
        )
    except DatabaseError as error:  # fail open, as the submission limit does (see ``rate_limit_exceeded``)
        logger.warning("Wrong-token counter not read or stored (%s); letting the request through.", error)
        return None


def status_link_attempt(request, lookup):
    """``lookup()`` (which raises Http404 for a wrong token) under the IP's allowance of wrong tokens.

    Once the allowance is used up every status link is refused from that address until the window ends,
    the right one too: otherwise a guesser would still learn when a guess hits. Other addresses are not
    affected. Raises ``TooManyWrongTokens``; fails open when the counter cannot be read or stored.
    """
    usage = _wrong_token_usage(request, increment=False)
    if usage is not None and usage["limit"] and usage["count"] >= usage["limit"]:
        raise TooManyWrongTokens(usage["time_left"])
    try:
        return lookup()
    except Http404:
        _wrong_token_usage(request, increment=True)
        raise


# -- uploads ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AcceptedType:
    label: str
    mime: str
    extensions: tuple[str, ...]


DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_MIME = "application/vnd.oasis.opendocument.text"
ACCEPTED_TYPES = (
    AcceptedType("PDF", "application/pdf", (".pdf",)),
    AcceptedType("DOCX", DOCX_MIME, (".docx",)),
    AcceptedType("ODT", ODT_MIME, (".odt",)),
    AcceptedType("PNG", "image/png", (".png",)),
    AcceptedType("JPEG", "image/jpeg", (".jpg", ".jpeg")),
)
ACCEPTED_EXTENSIONS = tuple(ext for accepted in ACCEPTED_TYPES for ext in accepted.extensions)
ACCEPTED_LABELS = ", ".join(accepted.label for accepted in ACCEPTED_TYPES)

# Only small entries of an office file are read: a crafted zip cannot make us inflate gigabytes.
_ZIP_ENTRY_READ_LIMIT = 1024 * 1024


def max_upload_size() -> int:
    """Largest accepted upload in bytes (setting ``WORKFLOW_FORMS_MAX_UPLOAD_SIZE``, default 10 MB)."""
    return int(getattr(settings, "WORKFLOW_FORMS_MAX_UPLOAD_SIZE", 10 * 1024 * 1024))


def max_unzipped_size() -> int:
    """Largest total a zip-based upload (DOCX, ODT) may inflate to, in bytes (``WORKFLOW_FORMS_MAX_UNZIPPED_SIZE``,
    default 100 MB): a real document is a few times its zipped size, a zip bomb thousands of times."""
    return int(getattr(settings, "WORKFLOW_FORMS_MAX_UNZIPPED_SIZE", 100 * 1024 * 1024))


def max_zip_entries() -> int:
    """Most entries a zip-based upload may hold (``WORKFLOW_FORMS_MAX_ZIP_ENTRIES``, default 1,000)."""
    return int(getattr(settings, "WORKFLOW_FORMS_MAX_ZIP_ENTRIES", 1000))


#: Where browsers and other readers sniff for HTML; a document of another type has no business holding these.
HTML_SNIFF_LENGTH = 16 * 1024
HTML_MARKERS = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|script|iframe|object|embed|svg|meta)[\s/>]", re.I)


def _zip_is_absurd(uploaded) -> bool:
    """True when the zip's central directory (read, never extracted) declares too much content or too many
    entries; an unreadable zip is left to the type check, which refuses it."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return False
    finally:
        uploaded.seek(0)
    return len(entries) > max_zip_entries() or sum(entry.file_size for entry in entries) > max_unzipped_size()


def _zip_entry(archive: zipfile.ZipFile, name: str) -> bytes | None:
    try:
        info = archive.getinfo(name)
    except KeyError:
        return None
    if info.file_size > _ZIP_ENTRY_READ_LIMIT:
        return None
    with archive.open(info) as entry:
        return entry.read(_ZIP_ENTRY_READ_LIMIT)


def _office_type(uploaded) -> str | None:
    """DOCX or ODT by what the zip container declares, or None."""
    uploaded.seek(0)
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if names and names[0] == "mimetype" and _zip_entry(archive, "mimetype") == ODT_MIME.encode():
                return ODT_MIME
            content_types = _zip_entry(archive, "[Content_Types].xml") or b""
            main_part = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
            if main_part in content_types and "word/document.xml" in names:
                return DOCX_MIME
    except (zipfile.BadZipFile, OSError, RuntimeError, NotImplementedError):
        return None
    finally:
        uploaded.seek(0)
    return None


def detect_upload_type(uploaded) -> str | None:
    """The accepted MIME type the file's content shows, or None when it is none of them."""
    uploaded.seek(0)
    head = uploaded.read(8192)
    uploaded.seek(0)
    if head.startswith(b"PK\x03\x04"):
        return _office_type(uploaded)
    kind = filetype.guess(head)
    if kind is not None and kind.mime in {"application/pdf", "image/png", "image/jpeg"}:
        return kind.mime
    return None


def validate_upload(uploaded) -> str:
    """Check size, extension and content; return the detected MIME type or raise a specific ValidationError."""
    name = PurePath(uploaded.name or "").name
    if uploaded.size > max_upload_size():
        raise ValidationError(
            _("“%(name)s” is %(size)s; files may be at most %(max)s."),
            code="file_too_large",
            params={"name": name, "size": filesizeformat(uploaded.size), "max": filesizeformat(max_upload_size())},
        )
    extension = PurePath(name).suffix.lower()
    expected = next((accepted for accepted in ACCEPTED_TYPES if extension in accepted.extensions), None)
    if expected is None:
        raise ValidationError(
            _("“%(name)s” is not an accepted file type. Upload a %(types)s file."),
            code="file_type",
            params={"name": name, "types": ACCEPTED_LABELS},
        )
    detected = detect_upload_type(uploaded)
    if detected != expected.mime:
        raise ValidationError(
            _("“%(name)s” is named like a %(label)s file but its content is not one. Upload a real %(types)s file."),
            code="file_content",
            params={"name": name, "label": expected.label, "types": ACCEPTED_LABELS},
        )
    _refuse_hidden_content(uploaded, name)
    return detected


def _refuse_hidden_content(uploaded, name: str) -> None:
    """Refuse a zip bomb, and a file that is also a web page (a polyglot a browser could run)."""
    uploaded.seek(0)
    head = uploaded.read(HTML_SNIFF_LENGTH)
    uploaded.seek(0)
    if head.startswith(b"PK\x03\x04"):
        if _zip_is_absurd(uploaded):
            raise ValidationError(
                _("“%(name)s” unpacks to more than %(max)s or %(entries)s parts; no real document does."),
                code="file_bomb",
                params={"name": name, "max": filesizeformat(max_unzipped_size()), "entries": f"{max_zip_entries():,}"},
            )
    elif HTML_MARKERS.search(head):
        raise ValidationError(
            _("“%(name)s” contains web page code (HTML) and cannot be accepted. Upload the document saved afresh."),
            code="file_html",
            params={"name": name},
        )


# -- double submission ------------------------------------------------------------------------------------

#: A second identical submission within this time returns the first one's thank-you page.
DUPLICATE_WINDOW = timedelta(minutes=10)


def _canonical(value):
    if hasattr(value, "pk") and hasattr(value, "_meta"):
        return f"{value._meta.label}:{value.pk}"
    if hasattr(value, "read") and hasattr(value, "size"):
        value.seek(0)
        digest = hashlib.sha256()
        for chunk in iter(lambda: value.read(65536), b""):
            digest.update(chunk)
        value.seek(0)
        return f"file:{digest.hexdigest()}"
    if isinstance(value, list | tuple | set) or hasattr(value, "model"):  # lists and querysets
        return sorted(_canonical(item) for item in value)
    if isinstance(value, bool | int | float | str) or value is None:
        return value
    return str(value)


def submission_fingerprint(*, form_page_id: int, email: str, data: dict) -> str:
    """A digest of form + e-mail + every answer (files by content), the same for identical submissions."""
    payload = {
        "form": form_page_id,
        "email": email.strip().lower(),
        "answers": {key: _canonical(value) for key, value in data.items() if key != HONEYPOT_FIELD_NAME},
    }
    return hashlib.sha256(json.dumps(payload, sort_keys=True, default=str).encode()).hexdigest()
