"""Every public page is usable at 200 % zoom, and is photographed at 320 and 1280 px.

200 % zoom of a 1280 x 800 window is a 640 x 400 CSS-pixel viewport drawn at a device scale factor of 2, which
is what chromium lays out when a person zooms in: no page may then scroll sideways, and the main controls
(the heading, the main menu, the site search, a form's submit button) must be on the screen, not cut off or
pushed out of the window. Screenshots of each page at 320 and 1280 px go to ``screenshots/public/`` (git-ignored).
"""

from pathlib import Path

from playwright.sync_api import expect

from .conftest import BROWSER
from .test_accessibility_public import FORMS, demo_site  # noqa: F401 - the fixture

pytestmark = BROWSER

ZOOMED = {"viewport": {"width": 640, "height": 400}, "device_scale_factor": 2}
WIDTHS = (320, 1280)
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots" / "public"

# Scroll width against the window's, and the controls that are not fully inside the window's width.
LAYOUT = """(selectors) => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const outside = [];
    for (const selector of selectors) {
        for (const element of document.querySelectorAll(selector)) {
            const box = element.getBoundingClientRect();
            if (box.width === 0 && box.height === 0) continue;  // not shown at this width (e.g. a folded menu)
            if (box.left < -0.5 || box.right > width + 0.5) {
                const text = element.textContent.trim().slice(0, 30);
                outside.push(`${selector} "${text}" at ${Math.round(box.left)}-${Math.round(box.right)}px`);
            }
        }
    }
    return {scroll: root.scrollWidth, client: width, outside: outside};
}"""
CONTROLS = ["main h1", ".main-menu a", ".site-search input", ".site-search button", "main form [type=submit]"]


def test_every_public_page_is_usable_at_200_percent_zoom(demo_site, live_server, page):  # noqa: F811
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    pages = {**demo_site, **{f"{kind} form": path for kind, (path, _answers) in FORMS.items()}}
    zoomed = page.context.browser.new_context(locale="en-GB", **ZOOMED).new_page()
    failures = []
    for label, path in pages.items():
        zoomed.goto(live_server.url + path)
        heading = zoomed.locator("main h1").first
        expect(heading).to_be_visible()
        heading.scroll_into_view_if_needed()  # 400 CSS px high: the header may fill the first screen
        expect(heading).to_be_in_viewport()
        menu_toggle = zoomed.locator(".site-menu__toggle")
        if menu_toggle.is_visible():  # 640 CSS px: the menu folds behind its button, as on a phone
            menu_toggle.click()
            expect(menu_toggle).to_have_attribute("aria-expanded", "true")
        found = zoomed.evaluate(LAYOUT, CONTROLS)
        if found["scroll"] > found["client"]:
            failures.append(f"{label}: {found['scroll']}px wide at 200 % ({found['client']} CSS px)")
        failures.extend(f"{label}: at 200 %, {control} is outside the window" for control in found["outside"])
        # Folded filters (a <details>, as on a phone) open with their summary, which a person presses first.
        zoomed.evaluate("document.querySelectorAll('main details:not([open])').forEach(d => { d.open = true; })")
        for selector in (".main-menu a", ".site-search input", "main form [type=submit]"):
            controls = zoomed.locator(selector)
            if controls.count():
                expect(controls.first).to_be_visible()

        name = label.replace(",", "").replace("'", "").replace(" ", "-")
        page.goto(live_server.url + path)
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 800})
            page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
    zoomed.context.close()

    assert len(list(SCREENSHOTS.glob("*-320.png"))) >= len(pages)
    assert failures == [], "\n".join(failures)
