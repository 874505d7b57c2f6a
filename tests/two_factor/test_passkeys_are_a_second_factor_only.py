"""Passkeys sit beside the authenticator app: added only by a session that gave its second factor, offered only
after the password, and the account is mailed when one is added. (The ceremony itself, in Chromium with a
virtual authenticator: tests/browser/test_passkey_sign_in.py.)"""

import pytest
from django.core import mail
from django.test import Client

from cms.two_factor.services import passkey_added

from .conftest import password_sign_in, with_authenticator
from .test_reset import verified_client

pytestmark = pytest.mark.django_db

PASSKEYS = "/admin/two-factor/passkeys/"


def test_no_passkey_sign_in_without_the_password():
    response = Client().post(f"{PASSKEYS}authentication/begin/", content_type="application/json")

    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_the_code_step_offers_the_passkey_ceremony_before_the_second_factor(required, coordinator):
    with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    response = client.post(f"{PASSKEYS}authentication/begin/", content_type="application/json")

    assert response.status_code == 200
    assert "challenge" in response.json()


def test_a_session_that_has_not_given_its_second_factor_cannot_add_a_passkey(required, coordinator):
    with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    response = client.post(f"{PASSKEYS}registration/begin/", content_type="application/json")

    assert response.status_code in (302, 403)
    assert "challenge" not in response.content.decode()


def test_a_passkey_needs_an_authenticator_app_first(coordinator):
    client, _ = password_sign_in(coordinator)

    response = client.post(f"{PASSKEYS}registration/begin/", content_type="application/json")

    assert response.status_code == 403
    assert response.json()["code"] == "passkey_not_allowed"


def test_a_verified_session_gets_the_options_to_make_a_passkey(required, coordinator):
    client = verified_client(coordinator)

    response = client.post(f"{PASSKEYS}registration/begin/", content_type="application/json")

    assert response.status_code == 200
    options = response.json()
    assert options["rp"]["name"] == "WeGO Thematic Clusters"
    assert options["user"]["name"] == "coordinator"


def test_the_account_is_mailed_when_a_passkey_is_added(coordinator, django_capture_on_commit_callbacks):
    credential = type("Credential", (), {"name": "Laptop"})()

    with django_capture_on_commit_callbacks(execute=True):
        passkey_added(user=coordinator, credential=credential)

    assert [message.to for message in mail.outbox] == [[coordinator.email]]
    assert "A passkey was added to the account coordinator" in mail.outbox[0].body
