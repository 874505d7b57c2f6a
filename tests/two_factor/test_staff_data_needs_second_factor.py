"""A required role's session that has not given its code reaches no applicant data: not the admin's
applications, not the staff file downloads, not the staff API (which takes bearer tokens only)."""

import pytest

from ..workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from .conftest import VERIFY, next_code_for, password_sign_in, with_authenticator

pytestmark = pytest.mark.django_db


@pytest.fixture
def application(make_city_application):  # noqa: F811 - the fixture imported above
    return make_city_application("submitted", city="Seoul")


def staff_views(application):
    return [
        "/admin/applications/city-applications/",
        f"/admin/applications/city-applications/inspect/{application.pk}/",
    ]


@pytest.mark.parametrize("enrolled", [True, False], ids=["with an app", "without one yet"])
def test_an_unverified_session_reaches_no_application_in_the_admin(required, coordinator, application, enrolled):
    if enrolled:
        with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    for path in staff_views(application):
        response = client.get(path)
        assert response.status_code == 302 and "/admin/two-factor/" in response["Location"], path
        assert application.applicant_name.encode() not in response.content


def test_outside_the_admin_an_unverified_session_counts_as_signed_out(required, coordinator):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    unverified = client.get("/en/applications/files/999999/")  # the staff file download
    client.post(VERIFY, {"code": next_code_for(device)})
    verified = client.get("/en/applications/files/999999/")

    assert unverified.status_code == 302 and unverified["Location"].startswith("/admin/login/")
    assert verified.status_code == 404, "signed in, it looks the file up"


def test_the_staff_api_never_accepts_a_session_verified_or_not(required, coordinator, application):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)

    unverified = client.get("/api/v3/applications/")
    client.post(VERIFY, {"code": next_code_for(device)})
    verified = client.get("/api/v3/applications/")
    detail = client.get(f"/api/v3/applications/{application.pk}/")

    assert unverified.status_code == verified.status_code == detail.status_code == 401
    assert application.applicant_name.encode() not in verified.content + detail.content


def test_a_verified_session_sees_the_applications(required, coordinator, application):
    device, _codes = with_authenticator(coordinator)
    client, _ = password_sign_in(coordinator)
    client.post(VERIFY, {"code": next_code_for(device)})

    for path in staff_views(application):
        assert client.get(path).status_code == 200, path
