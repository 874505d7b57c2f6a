"""At 1280 px: a coordinator requests an assessment on the inspect page, the reviewer opens it from their
dashboard, fills the form (which passes axe-core with no serious or critical violation), and the listing,
still within the window, shows the count and the mean."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from workflows.models import ApplicationState

from ..workspace.conftest import city_criteria, clusters, make_city_application  # noqa: F401 - fixtures
from .conftest import BROWSER
from .test_accessibility_public import _axe_violations
from .test_workspace_row_actions import LAPTOP, sign_in

pytestmark = BROWSER
S = ApplicationState
LISTING = "/admin/applications/city-applications/"


@pytest.fixture
def row(make_city_application, city_criteria):  # noqa: F811 - the imported fixtures
    long_names = {"organisation": "Smart City Office of the Metropolitan Government", "name": "Bat-Erdene Dorj"}
    make_city_application(S.CHANGES_REQUESTED, city="Ulaanbaatar", **long_names)  # the widest state badge
    return make_city_application(S.SUBMITTED, city="Seoul")


def test_request_fill_and_see_the_mean_in_the_listing(row, coordinator, reviewer, live_server, page):
    page.set_viewport_size(LAPTOP)
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}/admin/applications/city-applications/inspect/{row.pk}/")
    page.get_by_role("link", name="Request assessments…").click()
    page.get_by_label(reviewer.get_full_name()).check()
    page.get_by_role("button", name="Request assessments").click()
    expect(page.get_by_text("1 assessment requested")).to_be_visible()
    page.context.clear_cookies()

    sign_in(page, live_server, reviewer.username)
    dashboard_link = page.locator("[data-awaiting-assessment]", has_text=row.reference)
    expect(dashboard_link).to_be_visible()
    dashboard_link.click()
    expect(page.get_by_role("heading", name="Your assessment")).to_be_visible()

    counts, blocking, _lesser = _axe_violations(page, Axe())
    assert not blocking, f"axe: {blocking}"
    page.get_by_role("group", name="Relevance to the cluster").get_by_label("5 – Excellent").check()
    page.get_by_role("group", name="Maturity").get_by_label("4 – Good").check()
    page.get_by_role("group", name="Transferability").get_by_label("3 – Adequate").check()
    page.get_by_role("group", name="Recommendation").get_by_label("Accept").check()
    page.get_by_label("Comment").fill("A strong project for the cluster.")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_text("your assessment was saved")).to_be_visible()
    expect(page.locator("[data-overall-mean]").first).to_have_text("4.0")

    page.goto(f"{live_server.url}{LISTING}?ordering=-assessment_mean")
    table = page.locator("#listing-results table")
    cells = page.locator("#listing-results tbody tr").first.locator("td")
    expect(cells.nth(-2)).to_have_text("1")
    expect(cells.nth(-1)).to_have_text("4.0")
    box = table.bounding_box()
    assert box["x"] + box["width"] <= LAPTOP["width"], "the listing is wider than the window"
    for header in ("Assessments", "Mean score"):
        heading = page.locator("#listing-results thead th", has_text=header)
        header_box = heading.bounding_box()
        assert header_box["x"] + header_box["width"] <= LAPTOP["width"], f"{header} cut off"
