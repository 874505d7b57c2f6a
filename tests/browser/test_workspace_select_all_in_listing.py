"""A reviewer filters the listing to "Submitted", selects the page, then "Select all 27 rows in the listing":
the confirmation states the number and the filter, and "Mark reviewed" moves every filtered row over both
pages, and no row outside the filter."""

import pytest
from playwright.sync_api import expect

from workflows.models import ApplicationState

from ..workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from .conftest import BROWSER
from .test_workspace_row_actions import LAPTOP, sign_in

pytestmark = BROWSER
S = ApplicationState


@pytest.fixture
def rows(make_city_application):  # noqa: F811 - the imported fixture
    return {
        "received": [make_city_application(S.SUBMITTED, city=f"City {n}") for n in range(27)],
        "reviewed": make_city_application(S.REVIEWED, city="Lisbon"),
    }


def test_select_all_in_the_listing_acts_on_every_filtered_row(rows, reviewer, live_server, page):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, reviewer.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/?state=submitted")
    footer = page.locator("[data-bulk-action-footer]")
    select_all = footer.get_by_role("button", name="Select all 27 rows in the listing")

    page.locator("thead [data-bulk-action-select-all-checkbox]").check()
    expect(footer.locator("[data-bulk-action-num-objects]")).to_have_text("All 25 items on this screen selected")
    expect(select_all).to_be_visible()
    select_all.click()

    expect(footer.locator("[data-bulk-action-num-objects]")).to_have_text(
        "All 27 rows in the listing selected (its filters and search apply)."
    )
    expect(select_all).to_be_hidden()
    expect(footer.locator("[data-bulk-action-button]:visible")).to_have_text(
        ["Mark reviewed…", "Request changes…", "Reject…"]
    )
    footer.get_by_role("link", name="Mark reviewed the selected rows").click()

    expect(page.get_by_text("You selected all 27 rows in the listing, over all its pages.")).to_be_visible()
    expect(page.get_by_text("State: Submitted")).to_be_visible()
    page.get_by_role("button", name="Mark reviewed (27 rows)").click()

    expect(page.get_by_text("Mark reviewed: 27 rows done")).to_be_visible()
    assert "state=submitted" in page.url
    for row in rows["received"]:
        row.refresh_from_db()
        assert row.state == S.REVIEWED
    rows["reviewed"].refresh_from_db()
    assert rows["reviewed"].state == S.REVIEWED
