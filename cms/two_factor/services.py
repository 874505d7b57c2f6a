"""Setting up, renewing and resetting a staff member's second factor; every change is in Wagtail's audit log."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import translation
from django.utils.functional import LazyObject, empty
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex
from django_otp_webauthn.models import WebAuthnCredential
from wagtail.log_actions import log

from .tasks import mail_second_factor_added

ENROL_ACTION = "two_factor.enrol"
PASSKEY_ACTION = "two_factor.passkey_added"
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


def authenticator_key_new() -> str:
    """A new secret for one set-up session (hex, as django-otp stores it); nothing is saved until confirmed."""
    return random_hex(20)


def authenticator_unsaved(*, user, key: str) -> TOTPDevice:
    """The authenticator ``key`` would make, to draw its QR code; it is saved only by ``authenticator_confirm``."""
    return TOTPDevice(user=_concrete(user), key=key, name=AUTHENTICATOR_NAME, confirmed=False)


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=BACKUP_CODES_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def _mail_when_committed(user, method: str) -> None:
    language = translation.get_language() or "en"
    transaction.on_commit(lambda: mail_second_factor_added.enqueue(user.pk, method, language))


def authenticator_confirm(*, user, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Save the authenticator of this set-up session once one code from it is right; returns it and new backup
    codes (shown once), and mails the account that a second factor was added.

    Refused if the account already has a confirmed authenticator: replacing one takes a reset by a coordinator.
    """
    user = _concrete(user)
    with transaction.atomic():
        get_user_model()._default_manager.select_for_update().get(pk=user.pk)
        if TOTPDevice.objects.filter(user=user, confirmed=True).exists():
            raise CodeRefused(_("An authenticator app is already set up for this account."))
        device = TOTPDevice.objects.create(user=user, key=key, name=AUTHENTICATOR_NAME, confirmed=True)
        if not device.verify_token(code.strip().replace(" ", "")):
            raise CodeRefused(_("That code is not right. Enter the 6 digits your app shows now."))
        TOTPDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
        codes = _new_backup_codes(user)
        log(instance=user, action=ENROL_ACTION, user=user)
        _mail_when_committed(user, "authenticator")
    return device, codes


def passkey_added(*, user, credential: WebAuthnCredential) -> None:
    """Record a passkey just registered: Wagtail's audit log, and a mail to the account."""
    user = _concrete(user)
    with transaction.atomic():
        log(instance=user, action=PASSKEY_ACTION, user=user, data={"passkey": credential.name})
        _mail_when_committed(user, "passkey")


def backup_codes_renew(*, user) -> list[str]:
    """Replace the user's backup codes with new ones (the old ones stop working)."""
    with transaction.atomic():
        codes = _new_backup_codes(user)
        log(instance=_concrete(user), action=BACKUP_CODES_ACTION, user=_concrete(user))
    return codes


def second_factor_reset(*, target, actor) -> int:
    """Remove ``target``'s authenticator, passkeys and backup codes: they set up a new app at their next sign-in.

    The caller checks ``policy.can_reset``. Returns how many devices were removed.
    """
    with transaction.atomic():
        removed, _by_model = TOTPDevice.objects.filter(user=target).delete()
        passkeys, _by_model = WebAuthnCredential.objects.filter(user=target).delete()
        backup, _by_model = StaticDevice.objects.filter(user=target).delete()
        log(instance=target, action=RESET_ACTION, user=_concrete(actor), data={"user": target.get_username()})
    return removed + passkeys + backup
