"""A city applies in a real browser, finding every field by its label, then follows its status link and
withdraws; a visitor filters the case studies. Nothing here needs JavaScript, and nothing may break without it."""

import re

import pytest
from playwright.sync_api import expect

from cluster_pages.models import CityApplication

from ..factories import CaseStudyPageFactory
from ..site_forms.support import build_forms
from .conftest import BROWSER

pytestmark = BROWSER


@pytest.fixture
def forms(site_tree):
    return build_forms(site_tree)


def test_a_city_applies_follows_its_status_link_and_withdraws(forms, live_server, page):
    page.goto(f"{live_server.url}/en/join/city/")

    page.get_by_role("textbox", name="City").fill("Seoul")
    page.get_by_label("Country").select_option("KR")
    page.get_by_label("Department or organisation").fill("Smart City Bureau")
    page.get_by_label("Contact person's full name").fill("Kim Min-ji")
    page.get_by_role("textbox", name="Role").fill("Director of Smart City Policy")
    page.get_by_role("textbox", name="E-mail").fill("minji@seoul.example")
    page.get_by_label("Smart Mobility").check()
    page.get_by_label("Project title").fill("Mobility data platform")
    page.get_by_label("Project description").fill("A shared platform for the city's mobility data.")
    page.get_by_label("In development").check()
    page.get_by_label("Partners sought").fill("Cities with open mobility data.")
    page.get_by_label("I agree to the privacy notice").check()
    page.get_by_role("button", name="Send").click()

    application = CityApplication.objects.get()
    expect(page.get_by_text(application.reference).first).to_be_visible()
    page.get_by_role("link", name=re.compile("status", re.IGNORECASE)).first.click()

    expect(page.get_by_role("heading", level=1)).to_contain_text(application.reference)
    expect(page.get_by_text("Received").first).to_be_visible()
    page.get_by_role("link", name="Withdraw your application").click()
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Withdraw my application").click()

    expect(page.get_by_text("Withdrawn").first).to_be_visible()
    assert CityApplication.objects.get().state == "withdrawn"


def test_a_missing_answer_is_announced_next_to_its_field_and_nothing_typed_is_lost(forms, live_server, page):
    page.goto(f"{live_server.url}/en/join/city/")
    page.get_by_role("textbox", name="City").fill("Seoul")
    page.get_by_label("Project title").fill("Mobility data platform")

    page.get_by_role("button", name="Send").click()

    expect(page.get_by_role("textbox", name="City")).to_have_value("Seoul")
    expect(page.get_by_label("Project title")).to_have_value("Mobility data platform")
    email = page.get_by_role("textbox", name="E-mail")
    expect(email).to_have_attribute("aria-invalid", "true")
    described_by = (email.get_attribute("aria-describedby") or "").split()
    descriptions = " ".join(page.locator(f"#{id_}").inner_text() for id_ in described_by)
    assert "Enter the contact person's e-mail address." in descriptions, described_by
    assert not CityApplication.objects.exists()


def test_a_visitor_filters_the_case_studies_by_country(site_tree, live_server, page):
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Seoul bus data", country="KR")
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Madrid on-demand buses", country="ES")

    page.goto(f"{live_server.url}/en/case-studies/")
    page.get_by_label("Country").select_option("ES")
    page.get_by_role("button", name=re.compile("filter|apply|show", re.IGNORECASE)).click()

    expect(page.get_by_role("link", name="Madrid on-demand buses")).to_be_visible()
    expect(page.get_by_role("link", name="Seoul bus data")).to_have_count(0)
