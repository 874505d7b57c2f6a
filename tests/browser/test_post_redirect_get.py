"""Post-redirect-get in a browser: sending the city form lands on the thank-you address, which shows the reference
and the status link, passes axe at 1280 and 375 px, and reloading it sends nothing again."""

import re
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cluster_pages.models import CityApplication

from ..site_forms.support import build_forms
from .axe_support import axe_violations
from .conftest import BROWSER
from .journeys import LAPTOP, site_at

pytestmark = BROWSER
SHOTS = Path("/tmp/shots/perf")  # noqa: S108 - screenshots for the report, outside the repository
PHONE = {"width": 375, "height": 800}


@pytest.fixture
def forms(site_tree, live_server, settings):
    settings.WORKFLOW_FORMS_REDIRECT_AFTER_SUBMISSION = True
    forms = build_forms(site_tree)
    site_at(site_tree.site, live_server)
    return forms


def test_the_thank_you_page_after_a_redirect_shows_the_reference_and_passes_axe(forms, live_server, page):
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}{forms.city.url}")
    page.get_by_role("textbox", name="City").fill("Seoul")
    page.get_by_label("Country").select_option("KR")
    page.get_by_label("Department or organisation").fill("Smart City Bureau")
    page.get_by_label("Contact person's full name").fill("Kim Min-ji")
    page.get_by_role("textbox", name="Role").fill("Director of Smart City Policy")
    page.get_by_role("textbox", name="E-mail").fill("minji@seoul.example")
    page.get_by_label("Project title").fill("Mobility data platform")
    page.get_by_label("Project description").fill("A shared platform for the city's mobility data.")
    page.get_by_label("In development").check()
    page.get_by_label("Partners sought").fill("Cities with open mobility data.")
    page.get_by_role("checkbox", name="Smart Mobility").check()
    page.get_by_label("I agree to the privacy notice").check()
    page.get_by_role("button", name="Send").click()

    expect(page).to_have_url(re.compile(rf"{re.escape(forms.city.url)}\?submitted="), timeout=60_000)
    reference = CityApplication.objects.get().reference
    expect(page.locator(".wf-reference")).to_have_text(reference)
    expect(page.locator(".wf-status-link__url")).to_be_visible()
    SHOTS.mkdir(parents=True, exist_ok=True)
    axe = Axe()
    for name, viewport in (("1280", LAPTOP), ("375", PHONE)):
        page.set_viewport_size(viewport)
        page.screenshot(path=SHOTS / f"thank-you-after-redirect-{name}.png", full_page=True)
        _counts, blocking, _lesser, _excused = axe_violations(page, axe)
        assert not blocking, "\n".join(blocking)

    page.reload()
    expect(page.locator(".wf-reference")).to_have_text(reference)
    assert CityApplication.objects.count() == 1
