"""Who must give a second factor, and who may reset someone else's.

Settings:
- ``STAFF_2FA_REQUIRED`` (on in production, off in development and tests): members of
  ``STAFF_2FA_REQUIRED_GROUPS`` (every role that reads applicants' personal data: Coordinators, Reviewers and
  Cluster leaders), anyone holding one of ``PERSONAL_DATA_PERMISSIONS`` (given directly or by any other group)
  and superusers must set up an authenticator app before any admin page opens. Anyone who has
  set one up is asked for a code (or a passkey) whatever this says.
- Resetting another person's authenticator needs ``otp_totp.delete_totpdevice`` (Coordinators have it, by a
  migration) and is never allowed on oneself, nor by a non-superuser on a superuser.
"""

from enum import StrEnum

from django.conf import settings
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from workflows.permissions import APP_LABEL

RESET_PERMISSION = "otp_totp.delete_totpdevice"
#: The roles that read applicants' personal data (docs/security.md); the default of ``STAFF_2FA_REQUIRED_GROUPS``.
PERSONAL_DATA_GROUPS = ["Coordinators", "Reviewers", "Cluster leaders"]
#: Permissions that open applicants' personal data, however they were given (docs/security.md).
PERSONAL_DATA_PERMISSIONS = tuple(
    f"{APP_LABEL}.{codename}" for codename in ("view_application", "export_application", "erase_applicant_data")
)


class SecondFactor(StrEnum):
    VERIFY = "verify"  # has an authenticator app: give a code
    ENROL = "enrol"  # must set one up first


def required_groups() -> list[str]:
    return list(getattr(settings, "STAFF_2FA_REQUIRED_GROUPS", PERSONAL_DATA_GROUPS))


def is_required_for(user) -> bool:
    """Whether ``user`` may not use the admin without a second factor."""
    if not getattr(settings, "STAFF_2FA_REQUIRED", False) or not user.is_authenticated:
        return False
    if user.is_superuser or user.groups.filter(name__in=required_groups()).exists():
        return True
    return any(user.has_perm(permission) for permission in PERSONAL_DATA_PERMISSIONS)


def authenticator_for(user) -> TOTPDevice | None:
    """The user's confirmed authenticator app, if they set one up."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


def passkeys_for(user):
    """The user's confirmed passkeys, newest first."""
    return WebAuthnCredential.objects.devices_for_user(user, confirmed=True).order_by("-pk")


def backup_codes_for(user) -> StaticDevice | None:
    return StaticDevice.objects.devices_for_user(user, confirmed=True).order_by("-pk").first()


def second_factor_due(user) -> SecondFactor | None:
    """What a signed-in user who has not given a code this session must do before using the admin."""
    if not user.is_authenticated:
        return None
    if TOTPDevice.objects.devices_for_user(user, confirmed=True).exists():
        return SecondFactor.VERIFY
    if is_required_for(user):
        return SecondFactor.ENROL
    return None


def can_reset(actor, target) -> bool:
    """Whether ``actor`` may remove ``target``'s authenticator app and backup codes."""
    if actor.pk == target.pk or not actor.has_perm(RESET_PERMISSION):
        return False
    return actor.is_superuser or not target.is_superuser
