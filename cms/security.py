"""Site-wide security glue: who a login attempt comes from, the lockout page, the admin's Content-Security-Policy
and the Permissions-Policy header."""

import ipaddress
import math

from csp.constants import SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings
from django.contrib.auth import get_user_model
from django.shortcuts import render

#: The address a request is counted under when even REMOTE_ADDR is empty or not an address (a Unix socket).
UNKNOWN_ADDRESS = "0.0.0.0"  # noqa: S104 - an address to count under, never one to bind to
#: An ISP gives one subscriber a whole IPv6 /64, so the throttles count that network, not its single addresses.
IPV6_CLIENT_PREFIX = 64

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


def _address(value: str) -> str | None:
    """``value`` as a normalised IP address, dropping a port a proxy may add ("1.2.3.4:80", "[::1]:80"); or None."""
    value = value.strip()
    candidates = [value]
    if value.startswith("[") and "]" in value:
        candidates.append(value[1 : value.index("]")])
    elif value.count(":") == 1:
        candidates.append(value.partition(":")[0])
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


def client_ip(request) -> str:
    """The visitor's address for every throttle (django-axes, django-ratelimit, the status links).

    Without ``CLIENT_IP_META_KEY`` it is ``REMOTE_ADDR``. With it (e.g. ``HTTP_X_FORWARDED_FOR``), each of the
    ``TRUSTED_PROXY_COUNT`` proxies in front appends the address it saw, so the one the farthest trusted proxy
    appended is the ``TRUSTED_PROXY_COUNT``-th value from the right; anything left of it the client wrote and
    is ignored. A missing, empty, short or malformed header falls back to ``REMOTE_ADDR`` (the nearest proxy).
    """
    remote = _address(request.META.get("REMOTE_ADDR") or "") or UNKNOWN_ADDRESS
    meta_key = getattr(settings, "CLIENT_IP_META_KEY", None)
    if not meta_key:
        return remote
    values = str(request.META.get(meta_key) or "").split(",")
    proxies = max(int(getattr(settings, "TRUSTED_PROXY_COUNT", 1)), 1)
    if len(values) < proxies:
        return remote
    return _address(values[-proxies]) or remote


def client_network(request) -> str:
    """What every throttle counts a visitor under: ``client_ip``, or for IPv6 its /64 network's first address.

    ``2001:db8:1:2::a`` and ``2001:db8:1:2:ffff::1`` are both ``2001:db8:1:2::``, so rotating addresses inside
    one's own /64 gets no more guesses. An IPv4-mapped address (``::ffff:198.51.100.7``) counts as its IPv4 one.
    """
    address = ipaddress.ip_address(client_ip(request))
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped:
        return str(address.ipv4_mapped)
    return str(ipaddress.ip_network(f"{address}/{IPV6_CLIENT_PREFIX}", strict=False).network_address)


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
