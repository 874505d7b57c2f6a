"""The pipeline reports in a browser: axe finds nothing serious in English or Korean, at 1280 px the page does not
scroll sideways, and at 375 px only the charts and tables do (inside their own frames), so the page stays usable.
The account page's "Daily digest" setting passes the same checks."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from ..workspace.conftest import city_criteria, clusters, make_city_application  # noqa: F401 - fixtures
from ..workspace.pipeline_history import history_fixture  # noqa: F401 - fixture
from .axe_support import axe_violations, print_table
from .conftest import BROWSER
from .test_workspace_row_actions import sign_in

pytestmark = BROWSER
SHOTS = "/tmp/shots/reviewers"  # noqa: S108 - screenshots for the person reviewing, as the other browser tests
URL = "/admin/reports/pipeline/?start=2026-03-02&end=2026-03-29"


def page_overflow(page) -> int:
    """How far the document is wider than the window (0: nothing scrolls sideways but the inner frames)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_reports_and_the_digest_setting_pass_axe_and_fit_the_screen(
    history, coordinator, live_server, page, language
):
    if language == "ko":
        profile = UserProfile.get_for_user(coordinator)
        profile.preferred_language = "ko"
        profile.save()
    axe, report, failures = Axe(), [], []
    sign_in(page, live_server, coordinator.username)
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.goto(live_server.url + URL).status == 200
        expect(page.locator("#report-funnel svg")).to_be_visible(timeout=30_000)
        counts, blocking, lesser, excused = axe_violations(page, axe)
        report.append((f"reports, {language}, {width} px", counts, lesser + excused))
        failures += [f"{width} px: {line}" for line in blocking]
        assert page_overflow(page) <= 1, f"the page scrolls sideways at {width} px"
        page.screenshot(path=f"{SHOTS}/browser-reports-{language}-{width}.png", full_page=True)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.locator("#id_start").fill("2026-03-29")
    page.locator("#id_end").fill("2026-03-02")
    page.locator(".report-period button[type=submit]").click()
    expect(page.locator(".report-period .error-message")).to_be_visible(timeout=30_000)
    counts, blocking, lesser, excused = axe_violations(page, axe)
    report.append((f"reports, {language}, a period backwards", counts, lesser + excused))
    failures += blocking

    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert page.goto(live_server.url + "/admin/account/").status == 200
        expect(page.locator("input[name$='wants_digest']")).to_be_checked()  # on by default for coordinators
        counts, blocking, lesser, excused = axe_violations(page, axe)
        report.append((f"account, daily digest, {language}, {width} px", counts, lesser + excused))
        failures += [f"account, {width} px: {line}" for line in blocking]
        assert page_overflow(page) <= 1, f"the account page scrolls sideways at {width} px"
        page.screenshot(path=f"{SHOTS}/browser-digest-setting-{language}-{width}.png", full_page=True)
    print_table(report)
    assert failures == [], "\n".join(failures)
