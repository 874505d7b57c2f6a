"""The API's interactive docs render under the site's own Content-Security-Policy (no CDN, no blocked script)."""

from .conftest import BROWSER
from .test_admin_content_security_policy import RECORD_VIOLATIONS

pytestmark = BROWSER


def test_the_api_docs_page_lists_the_operations_with_no_blocked_script_or_style(site_tree, live_server, page):
    page.add_init_script(RECORD_VIOLATIONS)
    outside = []
    page.on("request", lambda request: outside.append(request.url) if live_server.url not in request.url else None)

    page.goto(f"{live_server.url}/api/v3/docs/")
    page.locator(".opblock-summary-path").first.wait_for()

    paths = page.locator(".opblock-summary-path").all_inner_texts()
    assert any("/api/v3/applications/status/{token}/" in path for path in paths), paths[:5]
    assert page.evaluate("window.cspViolations") == []
    assert [url for url in outside if not url.startswith("data:")] == []
