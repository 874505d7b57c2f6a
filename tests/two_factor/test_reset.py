"""Coordinators and superusers reset a staff member's authenticator app (a lost phone); each reset is logged."""

import pytest
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.models import ModelLogEntry

from .conftest import ENROL, forget_wrong_code_delay, next_code_for, password_sign_in, with_authenticator

pytestmark = pytest.mark.django_db

STAFF = "/admin/two-factor/staff/"


def verified_client(user):
    device, _codes = with_authenticator(user)
    client, _ = password_sign_in(user)
    assert client.post("/admin/two-factor/verify/", {"code": next_code_for(device)}).status_code == 302
    return client


def refused(response) -> bool:
    """Wagtail answers a refused admin view with a redirect to the dashboard and a "no permission" message."""
    return response.status_code == 403 or (response.status_code == 302 and response["Location"] == "/admin/")


def reset_url(user) -> str:
    return f"{STAFF}{user.pk}/reset/"


def test_a_coordinator_resets_a_reviewers_app_and_the_reset_is_in_the_audit_log(required, coordinator, reviewer):
    with_authenticator(reviewer)
    client = verified_client(coordinator)

    listing = client.get(STAFF).content.decode()
    confirm = client.get(reset_url(reviewer))
    done = client.post(reset_url(reviewer))

    assert f'href="{reset_url(reviewer)}"' in listing
    assert confirm.status_code == 200 and "reviewer" in confirm.content.decode()
    assert done.status_code == 302
    assert not TOTPDevice.objects.filter(user=reviewer).exists()
    assert not StaticDevice.objects.filter(user=reviewer).exists()
    entry = ModelLogEntry.objects.get(action="two_factor.reset", object_id=str(reviewer.pk))
    assert entry.user_id == coordinator.pk
    assert entry.data == {"user": "reviewer"}


def test_after_a_reset_a_required_role_sets_up_a_new_app_at_the_next_sign_in(required, superuser, coordinator):
    with_authenticator(coordinator)
    verified_client(superuser).post(reset_url(coordinator))

    client, _ = password_sign_in(coordinator)

    assert client.get("/admin/")["Location"].startswith(ENROL)


def test_a_coordinator_cannot_reset_a_superusers_app_nor_their_own(required, coordinator, superuser):
    with_authenticator(superuser)
    client = verified_client(coordinator)

    assert refused(client.post(reset_url(superuser)))
    assert refused(client.post(reset_url(coordinator)))
    assert TOTPDevice.objects.filter(user__in=[superuser, coordinator]).count() == 2


@pytest.mark.parametrize("role", ["reviewer", "editor"])
def test_other_roles_cannot_reset_anyone(required, request, role, coordinator):
    user = request.getfixturevalue(role)
    with_authenticator(coordinator)
    client = verified_client(user)

    assert refused(client.get(STAFF))
    assert refused(client.post(reset_url(coordinator)))
    assert TOTPDevice.objects.filter(user=coordinator).exists()


def test_a_signed_in_person_makes_new_backup_codes_and_the_old_ones_stop_working(required, coordinator):
    client = verified_client(coordinator)
    old = set(StaticDevice.objects.get(user=coordinator).token_set.values_list("token", flat=True))
    forget_wrong_code_delay(coordinator)

    code = next_code_for(TOTPDevice.objects.get(user=coordinator))
    response = client.post("/admin/two-factor/backup-codes/", {"code": code})
    page = client.get(response["Location"]).content.decode()

    new = set(StaticDevice.objects.get(user=coordinator).token_set.values_list("token", flat=True))
    assert len(new) == 10 and not old & new
    assert all(code in page for code in new)


def test_the_reset_shows_in_the_site_history_report(required, superuser, reviewer):
    with_authenticator(reviewer)
    client = verified_client(superuser)
    client.post(reset_url(reviewer))

    report = client.get("/admin/reports/site-history/").content.decode()

    assert "Two-factor authentication reset" in report
