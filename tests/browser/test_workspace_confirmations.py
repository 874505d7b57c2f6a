"""A coordinator who chooses "Activate" is first told what will happen, and activates only on confirming."""

from playwright.sync_api import expect

from workflows.models import ApplicationState

from ..workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from .conftest import BROWSER
from .test_workspace_row_actions import LAPTOP, sign_in

pytestmark = BROWSER
S = ApplicationState


def test_activate_asks_for_confirmation_saying_what_will_happen(
    make_city_application,  # noqa: F811 - the imported fixture
    coordinator,
    live_server,
    page,
):
    application = make_city_application(S.ASSIGNED, name="Mari Tamm")
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/")

    page.get_by_role("button", name=f"Actions for {application.reference}").click()
    page.locator(".w-dropdown__content:visible").get_by_role("link", name="Activate…").click()

    expect(page.get_by_text("Mari Tamm becomes a participant of “Smart Mobility”")).to_be_visible()
    application.refresh_from_db()
    assert application.state == S.ASSIGNED
    page.get_by_role("button", name="Activate").click()
    expect(page.get_by_text(f"{application.reference}: Activate done.")).to_be_visible()
    application.refresh_from_db()
    assert application.state == S.ACTIVE
