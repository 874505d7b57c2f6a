"""A visitor switches to Korean with the language switcher and stays in Korean from page to page; the Korean
pages pass axe-core with no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from ..site_forms.support import build_forms
from .conftest import BROWSER

pytestmark = BROWSER


@pytest.fixture
def korean_tree(site_tree):
    forms = build_forms(site_tree)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    return forms


def test_the_switcher_goes_to_the_same_page_in_korean_and_korean_links_stay_korean(korean_tree, live_server, page):
    page.goto(f"{live_server.url}/en/join/city/")
    switcher = page.get_by_role("navigation", name="Language")

    switcher.get_by_role("link", name="한국어").click()

    page.wait_for_url(f"{live_server.url}/ko/join/city/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.locator("nav.language-switcher a[lang=ko]")).to_have_attribute("aria-current", "true")
    expect(page.locator(".untranslated-notice")).to_be_visible()  # not translated yet: it says so
    page.locator("nav.breadcrumb a:not([aria-current])").last.click()
    page.wait_for_url(f"{live_server.url}/ko/join/")
    expect(page.locator("html")).to_have_attribute("lang", "ko")


def test_korean_pages_have_no_serious_accessibility_violation(korean_tree, live_server, page):
    axe = Axe()
    for path in ("/ko/", "/ko/join/city/", "/ko/applications/lost-link/"):
        page.goto(f"{live_server.url}{path}")
        violations = axe.run(page).response["violations"]
        blocking = [v["id"] for v in violations if v["impact"] in ("serious", "critical")]
        assert blocking == [], (path, blocking)
