"""The admin works under the site's Content-Security-Policy: no script is blocked in the editor or the workspace."""

from ..factories import TEST_PASSWORD
from ..workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from .conftest import BROWSER

pytestmark = BROWSER

#: Records every violation from the first script on, including those of scripts that run before the page's own.
RECORD_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.cspViolations.push({directive: event.effectiveDirective, blocked: event.blockedURI, line: event.lineNumber});
});
"""


def script_violations(page) -> list[dict]:
    return [v for v in page.evaluate("window.cspViolations") if v["directive"].startswith("script-src")]


def test_the_page_editor_and_the_applications_listing_run_without_blocked_scripts(
    superuser,
    site_tree,
    make_city_application,  # noqa: F811 - the fixture imported above
    live_server,
    page,
):
    application = make_city_application("submitted", city="Seoul")
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(superuser.username)
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server.url}/admin/")

    page.goto(f"{live_server.url}/admin/pages/{site_tree.home.pk}/edit/")
    page.wait_for_load_state("networkidle")
    assert page.locator("[data-side-panel-toggle]").first.is_visible()  # the editor's scripts ran
    assert script_violations(page) == []

    page.goto(f"{live_server.url}/admin/applications/city-applications/")
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=f"Actions for {application.reference}").click()  # a script-driven dropdown
    assert script_violations(page) == []
