"""Site-wide security glue: who a login attempt comes from, the lockout page, the admin's Content-Security-Policy
and the Permissions-Policy header."""

import math

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render

#: Browser features no page of the site uses; an injected script or a framed page cannot ask for them either.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "usb",
        "browsing-topics",
    )
)


def client_ip(request) -> str:
    """The visitor's address as the rate limits see it: the proxy's header when one is named, else REMOTE_ADDR."""
    meta_key = getattr(settings, "RATELIMIT_IP_META_KEY", None)
    value = request.META.get(meta_key, "") if meta_key else ""
    return value.split(",")[0].strip() or request.META.get("REMOTE_ADDR", "")


def login_username(request, credentials) -> str:
    """The name a login attempt is counted under: the account's, however it was typed; else the name typed.

    "communications", "Communications" and "communications@example.org" (that account's address) are one
    account, so its failures add up whichever way it is named. A name no account answers to is counted as
    typed, case-folded, so looking an account up tells nothing (unknown names lock out like known ones).
    """
    username = str((credentials or {}).get("username") or request.POST.get("username", "")).strip()
    account = _account_named(username)
    return (account.get_username() if account else username).casefold()


def _account_named(name: str):
    """The account that signs in as ``name``: by username in any case, else (for an address) by e-mail."""
    if not name or "\x00" in name:
        return None
    accounts = get_user_model()._default_manager
    named = accounts.filter(username__iexact=name).order_by("pk").first()
    if named is None and "@" in name:
        named = accounts.filter(email__iexact=name).order_by("pk").first()
    return named


def lockout_response(request, original_response=None, credentials=None):
    """The page shown while a username is locked out from this address (django-axes), with Retry-After."""
    cool_off = settings.AXES_COOLOFF_TIME
    seconds = int(cool_off.total_seconds()) if cool_off else 0
    context = {"cooloff_timedelta": cool_off, "cooloff_minutes": math.ceil(seconds / 60)}
    response = render(request, "registration/locked_out.html", context, status=429)
    if seconds:
        response.headers["Retry-After"] = str(seconds)
    return response


class PermissionsPolicyMiddleware:
    """Adds ``Permissions-Policy`` to every response that does not set its own."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


ADMIN_PREFIX = "/admin/"
#: Directives that differ under ADMIN_PREFIX from the site's policy (``CONTENT_SECURITY_POLICY``). Wagtail 8's
#: page editor and listings run inline scripts (without a nonce), so the admin allows them; the admin's
#: dashboard asks releases.wagtail.org whether a new version is out.
ADMIN_POLICY_REPLACE = {
    "script-src": [SELF, UNSAFE_INLINE],
    "connect-src": [SELF, "https://releases.wagtail.org"],
}


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own script and connect sources on the admin's pages."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**ADMIN_POLICY_REPLACE, **(parts.replace or {})}
        return parts
