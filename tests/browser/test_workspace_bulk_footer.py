"""At 1280 px a reviewer selects rows, Wagtail's bulk-action footer appears with only what they may do, and
"Mark reviewed" moves both rows after its confirmation step."""

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
        "seoul": make_city_application(S.SUBMITTED, city="Seoul"),
        "busan": make_city_application(S.SUBMITTED, city="Busan"),
        "quito": make_city_application(S.ASSIGNED, city="Quito"),
    }


def test_selecting_rows_shows_only_permitted_actions_and_marks_both_reviewed(rows, reviewer, live_server, page):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, reviewer.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/")
    footer = page.locator("[data-bulk-action-footer]")
    expect(footer).to_be_hidden()

    page.get_by_label(f"Select {rows['seoul'].reference}").check()
    page.get_by_label(f"Select {rows['busan'].reference}").check()

    expect(footer).to_be_visible()
    offered = footer.locator("[data-bulk-action-button]:visible")
    expect(offered).to_have_text(["Mark reviewed…", "Request changes…", "Reject…"])
    for forbidden in ("Activate", "Assign", "End participation", "Reopen"):
        expect(footer.get_by_text(forbidden)).to_have_count(0)
    box = footer.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= LAPTOP["width"]

    footer.get_by_role("link", name="Mark reviewed the selected rows").click()
    expect(page.get_by_role("heading", name="“Mark reviewed” on these 2 rows")).to_be_visible()
    page.get_by_role("button", name="Mark reviewed (2 rows)").click()

    expect(page.get_by_text("Mark reviewed: 2 rows done")).to_be_visible()
    for row in (rows["seoul"], rows["busan"]):
        row.refresh_from_db()
        assert row.state == S.REVIEWED
    rows["quito"].refresh_from_db()
    assert rows["quito"].state == S.ASSIGNED
