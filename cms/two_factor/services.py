"""Setting up, renewing and resetting a staff member's second factor; every change is in Wagtail's audit log."""

from django.db import transaction
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.log_actions import log

ENROL_ACTION = "two_factor.enrol"
RESET_ACTION = "two_factor.reset"
BACKUP_CODES_ACTION = "two_factor.backup_codes"
BACKUP_CODE_COUNT = 10
AUTHENTICATOR_NAME = "Authenticator app"
BACKUP_CODES_NAME = "Backup codes"


class CodeRefused(Exception):
    """The code did not match the new authenticator (or too many wrong codes in a row: wait)."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _concrete(user):
    """``request.user`` is a lazy object wrapped twice (auth, then django-otp); Wagtail's log needs the model."""
    while isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        user = user._wrapped
    return user


def authenticator_enrolment_start(*, user) -> TOTPDevice:
    """The unconfirmed authenticator the user is setting up: the same secret until they confirm one code."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-pk").first()
    return device or TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def authenticator_confirm(*, user, device: TOTPDevice, code: str) -> list[str]:
    """Confirm the new authenticator with one code from it; returns the new backup codes (shown once)."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user, confirmed=False)
        allowed, _details = device.verify_is_allowed()
        if not allowed:
            raise CodeRefused(_("Too many wrong codes in a row: wait a few seconds, then try the current code."))
        if not device.verify_token(code.strip().replace(" ", "")):
            raise CodeRefused(_("That code is not right. Enter the 6 digits your app shows now."))
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = _new_backup_codes(user)
        log(instance=_concrete(user), action=ENROL_ACTION, user=_concrete(user))
    return codes


def backup_codes_renew(*, user) -> list[str]:
    """Replace the user's backup codes with new ones (the old ones stop working)."""
    with transaction.atomic():
        codes = _new_backup_codes(user)
        log(instance=_concrete(user), action=BACKUP_CODES_ACTION, user=_concrete(user))
    return codes


def second_factor_reset(*, target, actor) -> int:
    """Remove ``target``'s authenticator and backup codes: they set up a new one at their next sign-in.

    The caller checks ``policy.can_reset``. Returns how many devices were removed.
    """
    with transaction.atomic():
        removed, _by_model = TOTPDevice.objects.filter(user=target).delete()
        backup, _by_model = StaticDevice.objects.filter(user=target).delete()
        log(instance=target, action=RESET_ACTION, user=_concrete(actor), data={"user": target.get_username()})
    return removed + backup
