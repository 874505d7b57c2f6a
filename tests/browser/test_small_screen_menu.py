"""At 375 px the header is the site's name and a "Menu" button: the menu, search and languages fold behind it
(a <details> disclosure, so it works without scripts; with them the button states aria-expanded), and the
case-study filters fold behind their name so the results come first. At 1280 px both are simply there."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory

from .conftest import BROWSER
from .test_accessibility_public import _axe_violations

pytestmark = BROWSER

PHONE = {"width": 375, "height": 740}
DESKTOP = {"width": 1280, "height": 800}


@pytest.fixture
def pages(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", show_in_menus=True)
    site_tree.events.show_in_menus = True
    site_tree.events.save_revision().publish()
    EventPageFactory(parent=site_tree.events, title="Mobility forum", related_clusters=[cluster])
    for number in range(4):
        CaseStudyPageFactory(parent=site_tree.case_studies, title=f"Bus lanes {number}", cluster=cluster)
    return site_tree


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_menu_folds_behind_a_button_at_375_px_and_opens_with_it(pages, language, live_server, page):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{language}/events/")
    toggle = page.locator("summary.site-menu__toggle")
    menu_link = page.locator(".main-menu a").first

    expect(toggle).to_be_visible()
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(menu_link).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] < 110  # was ~270 px with the menu wrapped

    toggle.click()
    expect(toggle).to_have_attribute("aria-expanded", "true")
    expect(menu_link).to_be_visible()
    expect(page.locator(".site-search input")).to_be_visible()
    _counts, blocking, _lesser = _axe_violations(page, Axe())
    assert blocking == [], "\n".join(blocking)

    page.keyboard.press("Escape")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(toggle).to_be_focused()
    expect(menu_link).to_be_hidden()


def test_the_menu_opens_without_scripts(pages, live_server, page):
    no_scripts = page.context.browser.new_context(java_script_enabled=False, viewport=PHONE).new_page()
    no_scripts.goto(f"{live_server.url}/en/events/")
    no_scripts.get_by_text("Menu", exact=True).click()

    expect(no_scripts.locator(".main-menu a").first).to_be_visible()
    no_scripts.context.close()


def test_at_1280_px_the_menu_and_the_filters_are_simply_shown(pages, live_server, page):
    page.set_viewport_size(DESKTOP)
    page.goto(f"{live_server.url}/en/case-studies/")

    expect(page.locator("summary.site-menu__toggle")).to_be_hidden()
    expect(page.locator(".main-menu a").first).to_be_visible()
    expect(page.locator("summary.filters__toggle")).to_be_hidden()
    expect(page.locator(".filter-form button[type=submit]")).to_be_visible()


def test_the_case_study_filters_fold_away_on_a_phone_so_the_results_come_first(pages, live_server, page):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/case-studies/")
    filters = page.locator("summary.filters__toggle")

    expect(filters).to_be_visible()
    expect(page.locator(".filter-form button[type=submit]")).to_be_hidden()
    expect(page.locator("#results-heading")).to_be_in_viewport()

    filters.click()
    expect(page.locator(".filter-form button[type=submit]")).to_be_visible()
    page.goto(f"{live_server.url}/en/case-studies/?status=ongoing")  # applied filters stay in view
    expect(page.locator(".filter-form button[type=submit]")).to_be_visible()


def test_the_event_pages_buttons_line_up(pages, live_server, page):
    event = pages.events.get_children().live().first().specific
    event.registration_url = "https://example.org/register"
    event.save_revision().publish()
    for viewport in (PHONE, DESKTOP):
        page.set_viewport_size(viewport)
        page.goto(live_server.url + event.url)
        register = page.get_by_role("link", name="Register for this event").bounding_box()
        calendar = page.get_by_role("link", name="Add to calendar (.ics)").bounding_box()
        assert round(register["x"]) == round(calendar["x"]) and round(register["width"]) == round(calendar["width"])
