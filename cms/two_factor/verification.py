"""Checking the code a signed-in staff member gives, throttled twice over.

django-otp delays each device after a wrong code (1, 2, 4 ... seconds), and django-axes counts every wrong code
like a wrong password: ``AXES_FAILURE_LIMIT`` wrong codes lock out that account's codes from that address for
``AXES_COOLOFF_TIME``. Codes are counted under their own name (``otp:<username>``) because a successful password
clears the password's count, which would otherwise let someone who knows the password guess codes for ever.
"""

from dataclasses import dataclass

import django_otp
from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice

from cms.security import client_network, login_username

from .policy import authenticator_for, backup_codes_for


def throttle_credentials(user) -> dict:
    return {"username": f"otp:{user.get_username()}"}


WRONG_CODE = _("That code is not right. Enter the 6 digits your app shows now, or a backup code.")
WRONG_APP_CODE = _("That code is not right. Enter the 6 digits your app shows now.")


@dataclass(frozen=True)
class CodeCheck:
    accepted: bool
    locked_out: bool = False
    message: str = ""
    used_backup_code: bool = False


def _device_for(user, code: str, *, backup_codes: bool):
    """A 6-digit code is for the authenticator app; anything else can only be a backup code."""
    if code.isdigit() and len(code) == 6:
        return authenticator_for(user)
    return backup_codes_for(user) if backup_codes else None


def code_check(*, request, code: str, backup_codes: bool = True) -> CodeCheck:
    """Check ``code`` for ``request.user``; on success the session counts as verified from now on.

    ``backup_codes=False`` takes only a code from the app (asked again before making new backup codes).
    """
    user = request.user
    credentials = throttle_credentials(user)
    if settings.AXES_ENABLED and AxesProxyHandler.is_locked(request, credentials):
        return CodeCheck(accepted=False, locked_out=True)
    code = "".join(code.split()).lower()
    device = _device_for(user, code, backup_codes=backup_codes)
    if device is not None:
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            return CodeCheck(
                accepted=False, message=_("Too many wrong codes in a row: wait a few seconds, then try again.")
            )
    with transaction.atomic():
        verified = device is not None and django_otp.verify_token(user, device.persistent_id, code)
    if not verified:
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
        return CodeCheck(
            accepted=False,
            locked_out=bool(getattr(request, "axes_locked_out", False)),
            message=WRONG_CODE if backup_codes else WRONG_APP_CODE,
        )
    django_otp.login(request, verified)
    AxesProxyHandler.reset_attempts(username=login_username(request, credentials), ip_address=client_network(request))
    return CodeCheck(accepted=True, used_backup_code=isinstance(verified, StaticDevice))
