"""Every response carries a Content-Security-Policy and a Permissions-Policy; the admin's policy lets it work."""

import pytest

from .site_forms.support import forms  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


def directives(response) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in response["Content-Security-Policy"].split(";") if part.strip())
    return {name: values for name, *values in parts}


def test_a_public_page_allows_only_this_sites_scripts(client, site_tree):
    response = client.get("/en/")

    policy = directives(response)
    assert response.status_code == 200
    assert policy["script-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'self'"]
    assert "camera=()" in response["Permissions-Policy"] and "geolocation=()" in response["Permissions-Policy"]


def test_an_admin_page_has_a_policy_wagtails_inline_scripts_run_under(client, superuser, site_tree):
    client.force_login(superuser)
    response = client.get("/admin/pages/")

    policy = directives(response)
    assert response.status_code == 200
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert "Permissions-Policy" in response


def test_an_api_response_carries_both_headers(client, site_tree):
    response = client.get("/api/v3/applications/status/not-a-token/")

    assert response.status_code == 404
    assert directives(response)["default-src"] == ["'self'"]
    assert "microphone=()" in response["Permissions-Policy"]


def test_the_forms_error_summary_script_carries_the_policys_nonce(client, forms):  # noqa: F811 - the fixture
    response = client.post("/en/join/city/", {})

    nonce = next(value for value in directives(response)["script-src"] if value.startswith("'nonce-"))
    assert f'<script nonce="{nonce[7:-1]}">' in response.content.decode()
