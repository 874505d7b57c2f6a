"""At 1280 px a coordinator sees every row's "Actions" dropdown in the window, opens it and acts from it."""

import pytest
from playwright.sync_api import expect

from workflows.models import ApplicationState

from ..factories import TEST_PASSWORD
from ..workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from .conftest import BROWSER

pytestmark = BROWSER
S = ApplicationState
LAPTOP = {"width": 1280, "height": 900}


@pytest.fixture
def applications(make_city_application):  # noqa: F811 - the imported fixture
    long_names = {"organisation": "Smart City Office of the Metropolitan Government", "name": "Bat-Erdene Dorj"}
    return {
        state: make_city_application(state, city="Ulaanbaatar", **long_names)
        for state in (S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE, S.REJECTED)
    }


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def test_every_rows_actions_are_in_view_at_1280_px_and_open(applications, coordinator, live_server, page):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/")

    for application in applications.values():
        toggle = page.get_by_role("button", name=f"Actions for {application.reference}")
        expect(toggle).to_be_visible()
        box = toggle.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"], f"{application.reference} cut off"
        toggle.click()
        menu = page.locator(".w-dropdown__content:visible")
        expect(menu).to_have_count(1)
        assert menu.locator("[data-transition]").count() >= 1
        page.keyboard.press("Escape")
        expect(menu).to_have_count(0)


def test_a_one_click_action_in_the_dropdown_moves_the_row(applications, coordinator, live_server, page):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/")
    submitted = applications[S.SUBMITTED]

    page.get_by_role("button", name=f"Actions for {submitted.reference}").click()
    page.locator(".w-dropdown__content:visible").get_by_role("button", name="Mark reviewed").click()

    expect(page.get_by_text(f"{submitted.reference}: Mark reviewed done.")).to_be_visible()
    submitted.refresh_from_db()
    assert submitted.state == S.REVIEWED
