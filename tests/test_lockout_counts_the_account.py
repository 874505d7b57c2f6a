"""Lockouts count the account, whichever name it was typed as, and last a fixed time from the lockout."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt

from .factories import UserFactory
from .logins import ADMIN_LOGIN, MEMBER_LOGIN, attempt

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("login_throttling_on")]


@pytest.fixture
def communications(db):
    return UserFactory(username="communications", email="communications@example.org", groups=["Communications"])


def test_a_locked_account_gets_no_more_guesses_under_its_e_mail_address(communications, password):
    for _ in range(5):
        attempt(ADMIN_LOGIN, "communications", "wrong password")

    for name in ("communications@example.org", "Communications@Example.org", "COMMUNICATIONS"):
        response, signed_in = attempt(MEMBER_LOGIN, name, password)
        assert not signed_in and response.status_code == 429, name


def test_guesses_under_the_username_and_the_address_add_up_to_one_lockout(communications, password):
    for index in range(5):
        attempt(MEMBER_LOGIN, "communications@example.org" if index % 2 else "Communications", "wrong password")

    assert attempt(ADMIN_LOGIN, "communications", password)[0].status_code == 429
    assert set(AccessAttempt.objects.values_list("username", flat=True)) == {"communications"}


def test_the_lockout_still_binds_only_the_attackers_address(communications, password):
    for _ in range(5):
        attempt(ADMIN_LOGIN, "communications@example.org", "wrong password")

    assert attempt(ADMIN_LOGIN, "communications", password, address="203.0.113.20")[1]


def test_rotating_ipv6_addresses_within_one_64_gets_no_more_guesses(communications, password):
    for index in range(5):
        attempt(ADMIN_LOGIN, "communications", "wrong password", address=f"2001:db8:1:2::{index + 1:x}")

    assert attempt(ADMIN_LOGIN, "communications", password, address="2001:db8:1:2:ffff::9")[0].status_code == 429
    assert attempt(ADMIN_LOGIN, "communications", password, address="2001:db8:1:3::1")[1], "the next /64 is not"


def test_a_wrong_try_during_the_lockout_does_not_extend_it(communications, password):
    for _ in range(5):
        attempt(ADMIN_LOGIN, "communications", "wrong password")
    fourteen_minutes_ago = AccessAttempt.objects.get().attempt_time - timedelta(minutes=14)
    AccessAttempt.objects.update(attempt_time=fourteen_minutes_ago)

    for _ in range(10):
        assert attempt(ADMIN_LOGIN, "communications", "wrong password")[0].status_code == 429

    assert AccessAttempt.objects.get().attempt_time == fourteen_minutes_ago, "the cool-off still runs from the lockout"
    AccessAttempt.objects.update(attempt_time=fourteen_minutes_ago - timedelta(minutes=1, seconds=1))
    assert attempt(ADMIN_LOGIN, "communications", password)[1]


def test_unknown_names_are_counted_as_typed_whatever_the_letter_case(password):
    for index in range(5):
        attempt(ADMIN_LOGIN, "Nobody@Example.org" if index % 2 else "nobody@example.org", "wrong password")

    assert AccessAttempt.objects.get().username == "nobody@example.org"
    assert attempt(ADMIN_LOGIN, "NOBODY@example.org", "anything")[0].status_code == 429
