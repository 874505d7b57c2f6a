"""A university registers as a partner through the browser; once a coordinator activates it, the home page counts
it as a university among the partner organisations. The partner form and the home page (with its figures) pass
axe-core with nothing serious, in English and Korean, at 1280 and 320 px, and do not scroll sideways at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import CompanyRegistration
from tests.api.conftest import move
from tests.factories import UserFactory

from ..site_forms.support import build_forms
from .axe_support import axe_violations
from .conftest import BROWSER
from .test_accessibility_public import DESKTOP, PHONE, _phone_overflow

pytestmark = BROWSER


@pytest.fixture
def forms(site_tree):
    forms = build_forms(site_tree)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    return forms


def test_a_university_registers_and_the_home_page_counts_it_as_one(forms, live_server, page):
    page.goto(f"{live_server.url}/en/join/company/")  # the old address leads to the partner registration
    assert page.url == f"{live_server.url}/en/join/partner/"
    page.get_by_role("radio", name="University or research institute").check()
    page.get_by_label("Organisation name").fill("Seoul Institute of Urban Studies")
    page.get_by_label("Country").select_option("KR")
    page.get_by_label("Website").fill("https://urban-studies.example.org")
    page.get_by_label("Contact person's full name").fill("Lee Seo-yeon")
    page.get_by_label("Role").fill("Research Fellow")
    page.get_by_label("E-mail").fill("seoyeon@urban-studies.example.org")
    page.get_by_label("Solution or expertise").fill("Travel-behaviour studies")
    page.get_by_label("Solution description").fill("Models of how residents travel, for bus and cycle planning.")
    page.get_by_role("checkbox", name="Smart Mobility").check()
    page.get_by_label("Reference cities or projects").fill("Seoul night buses")
    page.get_by_role("checkbox", name="privacy notice").check()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_be_visible(timeout=60_000)

    registration = CompanyRegistration.objects.get()
    assert registration.organisation_type == "academic"
    coordinator = UserFactory(username="coordinator", groups=["Coordinators"])
    move(registration, "review", "assign", "activate", user=coordinator, target=forms.active_cluster)

    page.goto(f"{live_server.url}/en/")
    tile = page.locator(".figure-list__item", has=page.get_by_text("Partner organisations", exact=True))
    expect(tile.locator(".figure-list__number")).to_have_text("1")
    expect(tile.locator(".figure-list__detail")).to_have_text("1 university or institute")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_partner_form_and_the_home_page_have_no_serious_axe_violation(forms, language, live_server, page):
    axe = Axe()
    failures = []
    for path in (f"/{language}/", f"/{language}/join/partner/"):
        page.goto(live_server.url + path)
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            _counts, blocking, _lesser, _excused = axe_violations(page, axe)
            failures += [f"{path} at {viewport['width']} px: {line}" for line in blocking]
            if viewport is PHONE and (overflow := _phone_overflow(page)):
                failures.append(f"{path} scrolls sideways at 320 px: {overflow}")
    assert not failures, "\n".join(failures)
