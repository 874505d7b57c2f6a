"""The set-up secret belongs to one set-up session: someone with only the password never learns the key that the
account ends up with, and the account's owner is mailed whenever a second factor is added."""

import pytest
from django.core import mail
from django_otp.plugins.otp_totp.models import TOTPDevice

from .conftest import ENROL, VERIFY, code_for_key, forget_wrong_code_delay, key_shown, password_sign_in

pytestmark = pytest.mark.django_db


def test_two_sessions_with_the_password_are_shown_different_keys(required, coordinator):
    attacker, _ = password_sign_in(coordinator, address="198.51.100.7")
    owner, _ = password_sign_in(coordinator, address="203.0.113.20")

    assert key_shown(attacker.get(ENROL).content.decode()) != key_shown(owner.get(ENROL).content.decode())


def test_nothing_is_saved_until_a_code_confirms_the_key(required, coordinator):
    client, _ = password_sign_in(coordinator)

    client.get(ENROL)
    client.get(ENROL)

    assert not TOTPDevice.objects.filter(user=coordinator).exists()


def set_up_while_a_first_session_holds_its_key(user):
    """A first session (198.51.100.7) is shown a key; a second one (203.0.113.20) then sets up with its own key.
    Returns the first session and the key it was shown."""
    first, _ = password_sign_in(user, address="198.51.100.7")
    first_key = key_shown(first.get(ENROL).content.decode())
    second, _ = password_sign_in(user, address="203.0.113.20")
    second_key = key_shown(second.get(ENROL).content.decode())
    assert second.post(ENROL, {"code": code_for_key(second_key)}).status_code == 302
    return first, first_key


def test_the_key_an_attacker_noted_gives_no_valid_code_once_the_owner_sets_up(required, coordinator):
    _, noted_key = set_up_while_a_first_session_holds_its_key(coordinator)

    attacker, _ = password_sign_in(coordinator, address="198.51.100.7")
    forget_wrong_code_delay(coordinator)
    answer = attacker.post(VERIFY, {"code": code_for_key(noted_key, steps_ahead=1)})

    assert answer.status_code == 200 and "That code is not right" in answer.content.decode()
    assert attacker.get("/admin/")["Location"].startswith(VERIFY)


def test_a_second_session_cannot_replace_an_app_set_up_in_the_meantime(required, coordinator):
    first, first_key = set_up_while_a_first_session_holds_its_key(coordinator)

    late = first.post(ENROL, {"code": code_for_key(first_key)})

    assert late.status_code == 302 and late["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.get(user=coordinator).key != first_key


def test_the_account_is_mailed_when_an_app_is_added(required, coordinator, django_capture_on_commit_callbacks):
    client, _ = password_sign_in(coordinator)
    key = key_shown(client.get(ENROL).content.decode())

    with django_capture_on_commit_callbacks(execute=True):
        client.post(ENROL, {"code": code_for_key(key)})

    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "A second factor was added" in mail.outbox[0].subject
    assert "authenticator app was set up for the account coordinator" in mail.outbox[0].body
    assert "/admin/two-factor/" in mail.outbox[0].body
