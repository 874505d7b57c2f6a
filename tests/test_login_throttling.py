"""Login throttling (django-axes): wrong passwords lock a username out from that address only, for a while."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from .factories import UserFactory
from .logins import ADMIN_LOGIN, MEMBER_LOGIN, attempt

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("login_throttling_on")]


def hammer(url, username, times=6):
    for _ in range(times):
        attempt(url, username, "wrong password")


def test_thirty_wrong_admin_passwords_lock_the_right_one_out_from_that_address(superuser, password):
    hammer(ADMIN_LOGIN, "admin", times=30)

    response, signed_in = attempt(ADMIN_LOGIN, "admin", password)

    assert not signed_in
    assert response.status_code == 429
    assert "Too many attempts to sign in" in response.content.decode()
    assert int(response["Retry-After"]) == 15 * 60


def test_the_real_user_still_signs_in_to_the_admin_from_another_address(superuser, password):
    hammer(ADMIN_LOGIN, "admin")

    response, signed_in = attempt(ADMIN_LOGIN, "admin", password, address="203.0.113.20")

    assert signed_in and response.status_code == 302


def test_after_the_cool_off_the_right_password_works_again(superuser, password):
    hammer(ADMIN_LOGIN, "admin")
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=16))

    response, signed_in = attempt(ADMIN_LOGIN, "admin", password)

    assert signed_in and response.status_code == 302


def test_a_member_is_locked_out_on_the_sites_login_whatever_the_letter_case(password):
    member = UserFactory(username="kim@seoul.example.org", email="kim@seoul.example.org")
    for index in range(6):
        attempt(MEMBER_LOGIN, member.email.upper() if index % 2 else member.email, "wrong password")

    refused, signed_in = attempt(MEMBER_LOGIN, "Kim@Seoul.example.org", password)

    assert not signed_in and refused.status_code == 429
    assert attempt(MEMBER_LOGIN, member.email, password, address="203.0.113.20")[1]


def test_a_few_mistakes_do_not_lock_anyone_out(superuser, password):
    hammer(ADMIN_LOGIN, "admin", times=4)

    assert attempt(ADMIN_LOGIN, "admin", password)[1]
