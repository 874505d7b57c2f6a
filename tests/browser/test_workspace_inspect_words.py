"""On the inspect page a reviewer reads words, not code names, and the state badge has the listing's colours."""

from playwright.sync_api import expect

from workflows.models import ApplicationState

from ..workspace.conftest import clusters, make_city_application, move  # noqa: F401 - fixtures
from .conftest import BROWSER
from .test_workspace_row_actions import LAPTOP, sign_in

pytestmark = BROWSER
S = ApplicationState
BADGE = '.workflow-state[data-state="changes_requested"]'


def colours(locator):
    return locator.evaluate("el => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]")


def test_inspect_reads_in_words_with_the_listings_badge(
    make_city_application,  # noqa: F811 - the imported fixture
    move,  # noqa: F811 - the imported fixture
    reviewer,
    live_server,
    page,
):
    application = make_city_application(name="Tom Berg", organisation="")
    application = move(application, "request_changes", reviewer, message="Add a budget.")
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, reviewer.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/")
    expect(page.get_by_role("cell", name="Tom Berg", exact=True)).to_be_visible()
    listing_badge = colours(page.locator(BADGE).first)

    page.goto(f"{live_server.url}/admin/applications/city-applications/inspect/{application.pk}/")
    status = page.locator("section", has=page.get_by_role("heading", name="Status"))
    assert colours(status.locator(BADGE)) == listing_badge
    timeline = page.locator("section", has=page.get_by_role("heading", name="Timeline"))
    expect(timeline).to_contain_text("Changes requested from the applicant")
    expect(timeline).not_to_contain_text("request_changes")
    notifications = page.locator("section", has=page.get_by_role("heading", name="Notifications"))
    expect(notifications).to_contain_text(application.reference)
    expect(notifications).not_to_contain_text("applicant_changes_requested")
