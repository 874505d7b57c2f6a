"""Wrong codes are throttled: django-otp waits 1, 2, 4 ... seconds after each, and django-axes locks that
account's codes out from that address after AXES_FAILURE_LIMIT of them, like wrong passwords."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from .conftest import VERIFY, forget_wrong_code_delay, next_code_for, password_sign_in, with_authenticator

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("login_throttling_on")]

ATTACKER = "198.51.100.7"


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_right_after_a_wrong_code_even_the_right_one_must_wait_a_moment(required, coordinator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 60  # a minute instead of a second, so a slow test run cannot outwait it
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)
    client.post(VERIFY, {"code": wrong(next_code_for(device))})

    response = client.post(VERIFY, {"code": next_code_for(device)})

    assert response.status_code == 200
    assert "wait a few seconds" in response.content.decode()


def test_five_wrong_codes_lock_out_that_accounts_codes_from_that_address(required, coordinator):
    device, codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator, address=ATTACKER)
    for _ in range(5):
        forget_wrong_code_delay(coordinator)
        client.post(VERIFY, {"code": wrong(next_code_for(device))})
    forget_wrong_code_delay(coordinator)

    right_code = client.post(VERIFY, {"code": next_code_for(device)})
    backup_code = client.post(VERIFY, {"code": codes[0]})

    assert right_code.status_code == backup_code.status_code == 429
    assert int(right_code["Retry-After"]) == 15 * 60
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_signing_in_again_with_the_password_does_not_clear_the_count_of_wrong_codes(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    for _ in range(5):
        client, _ = password_sign_in(coordinator, address=ATTACKER)
        forget_wrong_code_delay(coordinator)
        client.post(VERIFY, {"code": wrong(next_code_for(device))})
    client, _ = password_sign_in(coordinator, address=ATTACKER)
    forget_wrong_code_delay(coordinator)

    assert client.post(VERIFY, {"code": next_code_for(device)}).status_code == 429


def test_the_real_person_still_gives_their_code_from_their_own_address(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    attacker, _ = password_sign_in(coordinator, address=ATTACKER)
    for _ in range(5):
        forget_wrong_code_delay(coordinator)
        attacker.post(VERIFY, {"code": wrong(next_code_for(device))})
    forget_wrong_code_delay(coordinator)

    owner, _ = password_sign_in(coordinator, address="203.0.113.20")

    assert owner.post(VERIFY, {"code": next_code_for(device)}).status_code == 302


def test_after_the_cool_off_the_right_code_works_and_clears_the_count(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator, address=ATTACKER)
    for _ in range(5):
        forget_wrong_code_delay(coordinator)
        client.post(VERIFY, {"code": wrong(next_code_for(device))})
    forget_wrong_code_delay(coordinator)
    attempt = AccessAttempt.objects.get(username="otp:coordinator")
    AccessAttempt.objects.filter(pk=attempt.pk).update(attempt_time=attempt.attempt_time - timedelta(minutes=16))

    assert client.post(VERIFY, {"code": next_code_for(device)}).status_code == 302
    assert not AccessAttempt.objects.filter(username="otp:coordinator").exists()
