"""Making new backup codes asks again for a code from the app (or a passkey just given): an open session alone
cannot swap the account's backup codes for ones only its holder knows."""

import time

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.two_factor.passkeys import PASSKEY_CONFIRMED_SESSION_KEY

from .conftest import forget_wrong_code_delay, next_code_for
from .test_reset import verified_client

pytestmark = pytest.mark.django_db

NEW_CODES = "/admin/two-factor/backup-codes/"


def codes_of(user) -> set[str]:
    return set(StaticDevice.objects.get(user=user).token_set.values_list("token", flat=True))


def test_without_a_code_no_new_backup_codes_are_made(required, coordinator):
    client = verified_client(coordinator)
    before = codes_of(coordinator)

    response = client.post(NEW_CODES)

    assert response.status_code == 400
    assert "Enter the 6 digits your app shows now, or confirm with a passkey." in response.content.decode()
    assert codes_of(coordinator) == before


def test_a_wrong_code_makes_none_and_says_so(required, coordinator):
    client = verified_client(coordinator)
    before = codes_of(coordinator)
    forget_wrong_code_delay(coordinator)
    right = next_code_for(TOTPDevice.objects.get(user=coordinator))

    response = client.post(NEW_CODES, {"code": f"{(int(right) + 1) % 1_000_000:06d}"})

    assert response.status_code == 400 and "That code is not right" in response.content.decode()
    assert codes_of(coordinator) == before


def test_a_backup_code_does_not_count_as_asking_again(required, coordinator):
    client = verified_client(coordinator)
    before = codes_of(coordinator)

    response = client.post(NEW_CODES, {"code": sorted(before)[0]})

    assert response.status_code == 400
    assert codes_of(coordinator) == before


def test_the_current_code_makes_new_ones(required, coordinator):
    client = verified_client(coordinator)
    before = codes_of(coordinator)
    forget_wrong_code_delay(coordinator)

    response = client.post(NEW_CODES, {"code": next_code_for(TOTPDevice.objects.get(user=coordinator))})

    assert response.status_code == 302
    assert not codes_of(coordinator) & before


def test_a_passkey_given_moments_ago_stands_in_for_the_code_once(required, coordinator):
    client = verified_client(coordinator)
    before = codes_of(coordinator)
    session = client.session
    session[PASSKEY_CONFIRMED_SESSION_KEY] = time.time()
    session.save()

    assert client.post(NEW_CODES).status_code == 302
    after = codes_of(coordinator)
    assert not after & before
    assert client.post(NEW_CODES).status_code == 400, "the passkey's confirmation is used up"
    assert codes_of(coordinator) == after
