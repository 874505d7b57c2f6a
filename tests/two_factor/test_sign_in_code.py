"""Whoever set up an authenticator app gives a code from it after the password; other roles and members do not."""

import pytest
from django_otp.plugins.otp_static.models import StaticToken

from ..factories import UserFactory
from .conftest import VERIFY, forget_wrong_code_delay, next_code_for, password_sign_in, with_authenticator

pytestmark = pytest.mark.django_db

APPLICATIONS = "/admin/applications/city-applications/"


def wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def test_after_the_password_the_admin_asks_for_the_code(required, coordinator):
    with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    response = client.get("/admin/pages/")

    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=/admin/pages/"
    page = client.get(response["Location"]).content.decode()
    assert 'autocomplete="one-time-code"' in page
    assert 'class="login' in page, "Wagtail's sign-in look"


def test_a_wrong_code_is_refused(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    response = client.post(VERIFY, {"code": wrong(next_code_for(device)), "next": "/admin/pages/"})

    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert client.get("/admin/pages/").status_code == 302


def test_the_right_code_opens_the_admin_and_goes_where_the_person_was_going(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)
    client.post(VERIFY, {"code": wrong(next_code_for(device))})
    forget_wrong_code_delay(coordinator)

    response = client.post(VERIFY, {"code": next_code_for(device), "next": APPLICATIONS})

    assert response.status_code == 302 and response["Location"] == APPLICATIONS
    assert client.get(APPLICATIONS).status_code == 200


def test_a_code_works_once(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    code = next_code_for(device)
    first, _ = password_sign_in(coordinator)
    assert first.post(VERIFY, {"code": code}).status_code == 302

    second, _ = password_sign_in(coordinator, address="203.0.113.5")
    response = second.post(VERIFY, {"code": code})

    assert response.status_code == 200, "a code seen once cannot be replayed"


def test_a_backup_code_signs_in_once(required, coordinator):
    _device, codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    response = client.post(VERIFY, {"code": codes[0].upper()})

    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
    assert not StaticToken.objects.filter(token=codes[0]).exists()
    again, _ = password_sign_in(coordinator)
    assert again.post(VERIFY, {"code": codes[0]}).status_code == 200


def test_a_staff_member_who_set_up_an_app_is_asked_for_it_even_where_it_is_not_required(reviewer):
    with_authenticator(reviewer)
    client, _ = password_sign_in(reviewer)

    assert client.get("/admin/")["Location"].startswith(VERIFY)


@pytest.mark.parametrize("role", ["editor", "communications"])
def test_roles_that_do_not_require_it_sign_in_with_the_password_alone(required, request, role):
    user = request.getfixturevalue(role)
    client, _ = password_sign_in(user)

    assert client.get("/admin/").status_code == 200


def test_members_sign_in_on_the_members_page_as_before(required):
    member = UserFactory(username="member", email="member@city.example")
    client, response = password_sign_in(member, url="/en/account/login/", next_url="/en/clusters/")

    assert response.status_code == 302 and response["Location"] == "/en/clusters/"
    assert client.session["_auth_user_id"] == str(member.pk)


def test_a_coordinator_signing_in_on_the_members_page_gives_the_code_before_going_on(required, coordinator):
    with_authenticator(coordinator)
    client = password_sign_in(coordinator, url="/en/account/login/", next_url="/en/clusters/")[1]

    assert client.status_code == 302
    assert client["Location"] == f"{VERIFY}?next=/en/clusters/"


def test_the_code_page_does_not_send_anyone_to_another_site(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    response = client.post(VERIFY, {"code": next_code_for(device), "next": "https://evil.example/"})

    assert response["Location"] == "/admin/"


def test_signing_out_from_the_code_page_works(required, coordinator):
    with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    assert 'action="/admin/logout/"' in client.get(VERIFY).content.decode()
    client.post("/admin/logout/")

    assert "_auth_user_id" not in client.session
    assert client.get("/admin/")["Location"].startswith("/admin/login/")
