"""Journey 2 (issue 14), a company answering a changes request: a reviewer signs in to the admin, finds the
registration through the menu and requests changes with a message; the company opens the new private status link
in that mail, edits its answers, replaces its brochure and resubmits; the reviewer sees the new answers and the
earlier brochure marked replaced."""

import pytest
from playwright.sync_api import expect

from cluster_pages.models import CompanyRegistration
from workflows.api.forms import build_form
from workflows.models import ApplicationState
from workflows.services.submissions import submission_create

from ..site_forms.support import PDF_BYTES, build_forms, company_data, private_media, upload  # noqa: F401 - fixture
from .conftest import BROWSER
from .journeys import LAPTOP, another_person, link_in_mail, mails_to, screenshot, sign_in_to_admin, site_at

pytestmark = BROWSER
S = ApplicationState
APPLICANT = "anna@sensors.example"
REQUEST = "Please add the cities where AirGrid runs today and a 2026 brochure."


@pytest.fixture
def registration(site_tree, live_server, private_media):  # noqa: F811 - the imported fixture
    """Urban Sensors registered through the company form, with its brochure, and has the confirmation mail."""
    forms = build_forms(site_tree)
    site_at(site_tree.site, live_server)
    form = build_form(forms.company, company_data(forms), {"brochure": upload("airgrid-2025.pdf", PDF_BYTES)})
    assert form.is_valid(), form.errors
    result = submission_create(form_page=forms.company, cleaned_data=form.cleaned_data, files=form.uploads())
    return result.submission


def test_a_company_answers_a_changes_request_and_the_reviewer_sees_the_new_answers(
    registration, reviewer, live_server, page
):
    reference = registration.reference
    page.set_viewport_size(LAPTOP)
    sign_in_to_admin(page, live_server, reviewer.username)
    page.get_by_role("button", name="Applications").click()
    page.get_by_role("link", name="Partner registrations").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Partner registrations")
    screenshot(page, "2-01-reviewer-listing")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_text("Low-cost air-quality sensors with an open API.")).to_be_visible()
    page.get_by_role("link", name="Request changes…").click()
    page.get_by_label("Message to the applicant").fill(REQUEST)
    screenshot(page, "2-02-request-changes")
    page.get_by_role("button", name="Request changes").click()
    expect(page.get_by_text(f"{reference}: Request changes done.")).to_be_visible()
    registration.refresh_from_db()
    assert registration.state == S.CHANGES_REQUESTED

    applicant = another_person(page)
    request = mails_to(APPLICANT)[-1]
    assert REQUEST in request.body
    applicant.goto(link_in_mail(request, live_server, r"^/en/applications/status/[\w-]+/$"))
    expect(applicant.get_by_text("Changes needed").first).to_be_visible()
    expect(applicant.get_by_text("Please add the cities where AirGrid runs today").first).to_be_visible()
    screenshot(applicant, "2-03-applicant-status-changes-needed")

    applicant.get_by_role("link", name="Edit and resubmit your application").click()
    expect(applicant.get_by_label("Organisation name")).to_have_value("Urban Sensors Ltd")
    applicant.get_by_label("Reference cities or projects").fill("Hamburg, Lisbon, Seoul (since 2025)")
    applicant.get_by_label("Brochure").set_input_files(
        {"name": "airgrid-2026.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES + b"%2026"}
    )
    screenshot(applicant, "2-04-applicant-edit")
    applicant.get_by_role("button", name="Resubmit").click()
    expect(applicant.get_by_text("Received").first).to_be_visible()
    expect(applicant.get_by_text("airgrid-2026.pdf").first).to_be_visible()
    expect(applicant.get_by_text("airgrid-2025.pdf")).to_have_count(0)
    screenshot(applicant, "2-05-applicant-resubmitted")
    registration.refresh_from_db()
    assert registration.state == S.SUBMITTED

    page.get_by_role("button", name="Applications").click()
    page.get_by_role("link", name="Partner registrations").click()
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_text("Hamburg, Lisbon, Seoul (since 2025)")).to_be_visible()
    files = page.get_by_role("region", name="Uploaded files")
    earlier, newer = (files.get_by_role("listitem").filter(has_text=name) for name in ("2025.pdf", "2026.pdf"))
    expect(earlier).to_contain_text("replaced by a newer file")
    expect(newer).not_to_contain_text("replaced")
    screenshot(page, "2-06-reviewer-sees-resubmission")
    assert CompanyRegistration.objects.get().reference_projects == "Hamburg, Lisbon, Seoul (since 2025)"
