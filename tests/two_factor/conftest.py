"""Staff sign-in with a second factor: the requirement turned on (as in production), codes computed here."""

import re
import time
from base64 import b32decode

import pytest
from django.test import Client
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.two_factor.services import authenticator_confirm, authenticator_key_new, authenticator_unsaved

from ..factories import TEST_PASSWORD

ADMIN_LOGIN = "/admin/login/"
VERIFY = "/admin/two-factor/verify/"
ENROL = "/admin/two-factor/set-up/"


@pytest.fixture
def required(settings):
    """Production's setting: superusers and the roles that read personal data must give a second factor."""
    settings.STAFF_2FA_REQUIRED = True
    return settings


def code_for(device: TOTPDevice, *, steps_ahead: int = 0) -> str:
    """The code an authenticator app shows now (or ``steps_ahead`` 30-second steps later)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def with_authenticator(user) -> tuple[TOTPDevice, list[str]]:
    """Set up an authenticator app for ``user`` as the set-up page does; returns it and the backup codes."""
    key = authenticator_key_new()
    device, codes = authenticator_confirm(user=user, key=key, code=code_for(authenticator_unsaved(user=user, key=key)))
    device.refresh_from_db()
    return device, codes


def password_sign_in(user, *, url=ADMIN_LOGIN, address="198.51.100.7", next_url=None) -> tuple[Client, object]:
    client = Client(REMOTE_ADDR=address)
    data = {"username": user.username, "password": TEST_PASSWORD}
    if next_url:
        data["next"] = next_url
    response = client.post(url, data)
    assert "_auth_user_id" in client.session, "the password was right"
    return client, response


def next_code_for(device: TOTPDevice) -> str:
    """A code not yet used: each time step's code works once, so a second sign-in takes the next step's."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    steps_ahead = 1 if device.last_t >= totp.t() else 0
    return code_for(device, steps_ahead=steps_ahead)


def forget_wrong_code_delay(user):
    """As if a few seconds passed since the last wrong code (django-otp delays 1, 2, 4 ... seconds)."""
    TOTPDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)
    StaticDevice.objects.filter(user=user).update(throttling_failure_timestamp=None)


def key_shown(page: str) -> str:
    """The key the set-up page shows to type into the app (base32, without its spaces)."""
    return re.search(r'id="manual-key">([A-Z2-7 ]+)<', page).group(1).replace(" ", "")


def code_for_key(key_base32: str, *, steps_ahead: int = 0) -> str:
    """The code an app set up with the typed key shows now."""
    totp = TOTP(b32decode(key_base32))
    totp.time = time.time() + steps_ahead * 30
    return f"{totp.token():06d}"
