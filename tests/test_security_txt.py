"""/.well-known/security.txt (RFC 9116) says whom to tell about a vulnerability, with a date it expires."""

import datetime

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def fields(response) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for line in response.content.decode().splitlines():
        name, _sep, value = line.partition(": ")
        found.setdefault(name, []).append(value)
    return found


def test_security_txt_names_the_contact_from_the_settings_and_expires_within_a_year(client, site_tree, settings):
    settings.SECURITY_CONTACT = "security@wego.example, https://wego.example/report"

    response = client.get("/.well-known/security.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    found = fields(response)
    assert found["Contact"] == ["mailto:security@wego.example", "https://wego.example/report"]
    expires = datetime.datetime.fromisoformat(found["Expires"][0])
    assert timezone.now() < expires < timezone.now() + datetime.timedelta(days=365)
    assert found["Canonical"] == ["http://localhost/.well-known/security.txt"]
    assert found["Preferred-Languages"] == ["en, ko"]
    assert "Policy" not in found


def test_without_a_security_contact_the_sites_own_address_is_the_contact(client, site_tree, settings):
    settings.SECURITY_CONTACT = "clusters@example.org"
    settings.SECURITY_POLICY_URL = "https://wego.example/disclosure"

    found = fields(client.get("/.well-known/security.txt"))

    assert found["Contact"] == ["mailto:clusters@example.org"]
    assert found["Policy"] == ["https://wego.example/disclosure"]
