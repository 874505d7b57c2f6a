"""Superusers and the roles that read personal data set up an authenticator app before any admin page opens."""

import re

import pytest
from django.contrib.auth.models import Group, Permission
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from .conftest import ENROL, code_for_key, key_shown, password_sign_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("role", ["coordinator", "reviewer", "cluster_leader", "superuser"])
def test_after_the_password_a_required_role_without_an_app_is_sent_to_set_one_up(required, request, role):
    user = request.getfixturevalue(role)
    client, signed_in = password_sign_in(user, next_url="/admin/pages/")

    assert signed_in.status_code == 302
    for path in ("/admin/", "/admin/pages/", "/admin/applications/city-applications/", "/admin/api-tokens/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(f"{ENROL}?next=")


@pytest.mark.parametrize("codename", ["view_application", "export_application", "erase_applicant_data"])
@pytest.mark.parametrize("given", ["directly", "by another group"])
def test_anyone_given_a_permission_to_applicants_data_must_set_up_an_app_whatever_their_group(
    required, editor, codename, given
):
    permission = Permission.objects.get(content_type__app_label="workflow_forms", codename=codename)
    if given == "directly":
        editor.user_permissions.add(permission)
    else:
        auditors = Group.objects.create(name="Auditors")
        auditors.permissions.add(permission)
        editor.groups.add(auditors)
    client, _ = password_sign_in(editor)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(f"{ENROL}?next=")


def test_an_editor_without_applicants_data_is_not_asked_to_set_up_an_app(required, editor):
    client, _ = password_sign_in(editor)

    assert client.get("/admin/").status_code == 200


def test_the_set_up_page_shows_a_qr_code_and_the_key_to_type(required, coordinator):
    client, _ = password_sign_in(coordinator)

    page = client.get(ENROL).content.decode()

    assert 'src="data:image/svg+xml' in page
    typed_key = key_shown(page)
    assert len(typed_key) == 32
    again = key_shown(client.get(ENROL).content.decode())
    assert again == typed_key, "the same key on this set-up session's every visit until it is confirmed"


def test_a_wrong_code_does_not_set_it_up(required, coordinator):
    client, _ = password_sign_in(coordinator)
    key = key_shown(client.get(ENROL).content.decode())
    wrong = f"{(int(code_for_key(key)) + 1) % 1_000_000:06d}"

    response = client.post(ENROL, {"code": wrong})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=coordinator).exists()
    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_the_right_code_sets_it_up_shows_backup_codes_once_and_opens_the_admin(required, coordinator):
    client, _ = password_sign_in(coordinator)
    key = key_shown(client.get(ENROL).content.decode())

    confirmed = client.post(f"{ENROL}?next=/admin/pages/", {"code": code_for_key(key)})

    assert confirmed.status_code == 302
    codes_page = client.get(confirmed["Location"])
    shown = re.findall(r"<li><code>([a-z2-7]+)</code></li>", codes_page.content.decode())
    assert sorted(shown) == sorted(StaticToken.objects.filter(device__user=coordinator).values_list("token", flat=True))
    assert len(shown) == 10
    assert 'href="/admin/pages/"' in codes_page.content.decode()
    assert client.get(confirmed["Location"]).status_code == 302, "the codes are shown only once"
    assert client.get("/admin/").status_code == 200
    device = TOTPDevice.objects.get(user=coordinator)
    assert device.confirmed and key in device.config_url
    assert "WeGO%20Thematic%20Clusters" in device.config_url, "the app names the site"
    assert ModelLogEntry.objects.filter(action="two_factor.enrol", object_id=str(coordinator.pk)).exists()


def test_with_the_requirement_off_as_in_development_a_coordinator_opens_the_admin_with_a_password(coordinator):
    client, _ = password_sign_in(coordinator)

    assert client.get("/admin/").status_code == 200
