"""Issue 24's journey, in English and in Korean: a city fills steps 1 and 2 of the city form (a letter of support
uploaded on step 2), saves and closes the browser; the mailed link opens in a new browser at 375 px on step 2,
with every answer and the file; step 3, the summary, Send. The reviewer sees one application and no draft. The
form is answered and moved through by keyboard alone (typing, Tab, Space, Enter)."""

import re

import pytest
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import CityApplication, CityApplicationFormField
from workflows.models import FormDraft, SubmittedFile

from ..site_forms.support import PDF_BYTES, build_forms, private_media  # noqa: F401 - fixture
from .conftest import BROWSER
from .journeys import LAPTOP, link_in_mail, mails_to, screenshot, sign_in_to_admin, site_at

pytestmark = BROWSER
APPLICANT = "minji@seoul.example"
PHONE = {"width": 375, "height": 740}
LETTER = {"name": "letter-of-support.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
STEPS = (("About you", "Contact person"), ("Your city", "Your city"), ("Your project", "Your project\nConsent"))


@pytest.fixture
def forms(site_tree, live_server):
    forms = build_forms(site_tree)
    rows = [
        CityApplicationFormField(page=forms.city, label=title, field_type="step", choices=sections)
        for title, sections in STEPS
    ]
    rows.insert(2, CityApplicationFormField(page=forms.city, label="Letter of support", field_type="file"))
    for order, row in enumerate(rows):
        row.required = row.field_type == "file"
        row.sort_order = order
        row.save()
    forms.city.save_revision().publish()
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    site_at(site_tree.site, live_server)
    return forms


def type_into(page, selector: str, text: str) -> None:
    page.focus(selector)
    page.keyboard.type(text)


def press_button(page, value: str) -> None:
    """Reach a form button with Tab from the field before it, as a keyboard user does, and press Enter."""
    button = page.locator(f"main form button[value={value}]")
    button.focus()
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    page.wait_for_load_state()


@pytest.mark.parametrize("language", ["en", "ko"])
def test_a_city_saves_its_application_and_sends_it_from_another_browser(
    forms,
    private_media,  # noqa: F811
    live_server,
    page,
    language,
    reviewer,
):
    shot = f"24-{language}"
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/{language}/join/city/")
    expect(page.locator(".wf-steps__current")).to_contain_text("1")
    type_into(page, "#id_applicant_name", "Kim Min-ji")
    page.keyboard.press("Tab")
    page.keyboard.type("Director of Smart City Policy")
    type_into(page, "#id_applicant_email", APPLICANT)
    screenshot(page, f"{shot}-1-step-1")
    press_button(page, "next")

    expect(page.locator("#id_city")).to_be_visible()
    type_into(page, "#id_city", "Seoul")
    page.focus("#id_country")
    if language == "en":
        page.keyboard.type("South Korea")  # a select's type-ahead, as a keyboard user picks a country
    else:  # Korean is typed through an input method, which a select's type-ahead does not take
        page.locator("#id_country").select_option("KR")
    type_into(page, "#id_organisation", "Smart City Bureau")
    page.locator("input[type=file]").set_input_files(LETTER)  # the file chooser is the system's, not the page's
    screenshot(page, f"{shot}-2-step-2")
    press_button(page, "save")

    email = page.locator("#id_email")
    expect(email).to_have_value(APPLICANT)  # asked only for the address, already given
    screenshot(page, f"{shot}-3-save")
    email.focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    screenshot(page, f"{shot}-4-saved")
    page.context.close()  # the browser is closed

    (saved,) = mails_to(APPLICANT)
    link = link_in_mail(saved, live_server, rf"^/{language}/applications/draft/[\w-]+/$")
    browser = page.context.browser
    phone = browser.new_context(viewport=PHONE).new_page()
    phone.set_default_timeout(60_000)
    phone.goto(link)
    expect(phone.locator("#id_city")).to_have_value("Seoul")
    expect(phone.locator("#id_country")).to_have_value("KR")
    expect(phone.locator("main")).to_contain_text("letter-of-support.pdf")
    screenshot(phone, f"{shot}-5-resumed-375")
    phone.get_by_role("link", name=re.compile("About you")).click()
    expect(phone.locator("#id_applicant_name")).to_have_value("Kim Min-ji")
    press_button(phone, "next")
    press_button(phone, "next")

    expect(phone.locator("#id_project_title")).to_be_visible()
    phone.locator(f"input[name=clusters][value='{forms.active_cluster.pk}']").focus()
    phone.keyboard.press("Space")
    type_into(phone, "#id_project_title", "Mobility data platform")
    type_into(phone, "#id_project_description", "A shared platform for the city's mobility data.")
    phone.locator("input[name=project_status]").first.focus()
    phone.keyboard.press("Space")
    type_into(phone, "#id_partners_sought", "Cities with open mobility data.")
    phone.focus("#id_consent_privacy")
    phone.keyboard.press("Space")
    screenshot(phone, f"{shot}-6-step-3-375")
    press_button(phone, "next")

    check = phone.locator("main .wf-check")
    expect(check.first).to_be_visible()
    expect(phone.locator("main")).to_contain_text("letter-of-support.pdf")
    expect(phone.locator("main")).to_contain_text("Smart City Bureau")
    screenshot(phone, f"{shot}-7-summary-375")
    press_button(phone, "send")

    expect(phone.locator(".wf-thank-you")).to_be_visible()
    application = CityApplication.objects.get()
    expect(phone.get_by_text(application.reference).first).to_be_visible()
    screenshot(phone, f"{shot}-8-sent-375")
    assert application.language == language
    assert (application.city, application.applicant_email) == ("Seoul", APPLICANT)
    assert SubmittedFile.objects.get().original_name == "letter-of-support.pdf"
    assert not FormDraft.objects.exists()

    reviewer_page = browser.new_context(viewport=LAPTOP).new_page()
    sign_in_to_admin(reviewer_page, live_server, reviewer.username)
    reviewer_page.goto(f"{live_server.url}/admin/applications/city-applications/")
    expect(reviewer_page.locator("main")).to_contain_text(application.reference)
    assert reviewer_page.locator("main tbody tr").count() == 1
