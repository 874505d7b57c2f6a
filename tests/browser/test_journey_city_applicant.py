"""Journey 1 (issue 14), a city applicant: from the home page to a cluster, "Join this cluster" (the cluster is
chosen in advance), the city form with a project brief, once with an answer missing (the error summary takes the
focus and links each problem to its field), then complete; the status link from the confirmation mail; withdrawn
after confirming."""

import re

import pytest
from playwright.sync_api import expect

from cluster_pages.models import CityApplication
from home.models import HomeFeaturedCluster
from workflows.models import ApplicationState

from ..site_forms.support import PDF_BYTES, build_forms, private_media  # noqa: F401 - fixture
from .conftest import BROWSER
from .journeys import LAPTOP, link_in_mail, mails_to, screenshot, site_at

pytestmark = BROWSER
APPLICANT = "minji@seoul.example"


@pytest.fixture
def forms(site_tree, live_server):
    forms = build_forms(site_tree)
    site_tree.home.featured_clusters.add(HomeFeaturedCluster(cluster=forms.active_cluster))
    site_tree.home.save_revision().publish()
    site_at(site_tree.site, live_server)
    return forms


def test_a_city_joins_a_cluster_from_the_home_page_and_later_withdraws(forms, private_media, live_server, page):  # noqa: F811
    page.set_viewport_size(LAPTOP)
    page.goto(f"{live_server.url}/")
    screenshot(page, "1-01-home")
    page.get_by_role("link", name="Smart Mobility").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart Mobility")
    screenshot(page, "1-02-cluster")

    page.get_by_role("link", name="Join this cluster").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(forms.city.title)
    expect(page.get_by_role("checkbox", name="Smart Mobility")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Smart Utility (forming)")).not_to_be_checked()

    page.get_by_role("textbox", name="City").fill("Seoul")
    page.get_by_label("Country").select_option("KR")
    page.get_by_label("Department or organisation").fill("Smart City Bureau")
    page.get_by_label("Contact person's full name").fill("Kim Min-ji")
    page.get_by_role("textbox", name="Role").fill("Director of Smart City Policy")
    page.get_by_role("textbox", name="E-mail").fill(APPLICANT)
    # The project title is left out on purpose.
    page.get_by_label("Project description").fill("A shared platform for the city's mobility data.")
    page.get_by_label("In development").check()
    page.get_by_label("Partners sought").fill("Cities with open mobility data.")
    page.get_by_label("Project brief").set_input_files(
        {"name": "mobility-brief.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_label("I agree to the privacy notice").check()
    screenshot(page, "1-03-form-filled")
    page.get_by_role("button", name="Send").click()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("heading")).to_have_text("There is a problem with your answers")
    links = summary.get_by_role("link")
    expect(links).to_have_count(1)
    expect(links.first).to_contain_text("Project title")
    screenshot(page, "1-04-form-with-errors")
    for index in range(links.count()):
        field_id = links.nth(index).get_attribute("href").removeprefix("#")
        field = page.locator(f"[id='{field_id}']")
        expect(field).to_have_attribute("aria-invalid", "true")
        links.nth(index).click()
        expect(field).to_be_focused()
    assert not CityApplication.objects.exists()

    expect(page.get_by_role("textbox", name="City")).to_have_value("Seoul")
    expect(page.get_by_role("checkbox", name="Smart Mobility")).to_be_checked()
    page.get_by_label("Project title").fill("Mobility data platform")
    # No browser keeps a chosen file across a page load: the form says so next to it, and the brief is chosen again.
    expect(page.get_by_text("You chose “mobility-brief.pdf”: choose it again")).to_be_visible()
    page.get_by_label("Project brief").set_input_files(
        {"name": "mobility-brief.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )
    page.get_by_role("button", name="Send").click()

    application = CityApplication.objects.get()
    expect(page.get_by_text(application.reference).first).to_be_visible()
    screenshot(page, "1-05-thank-you")
    assert [cluster.title for cluster in application.clusters.all()] == ["Smart Mobility"]
    assert [file.original_name for file in application.files.all()] == ["mobility-brief.pdf"]

    (confirmation,) = mails_to(APPLICANT)
    assert application.reference in confirmation.body
    page.goto(link_in_mail(confirmation, live_server, r"^/en/applications/status/[\w-]+/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text(application.reference)
    expect(page.get_by_text("Received").first).to_be_visible()
    expect(page.get_by_text("mobility-brief.pdf").first).to_be_visible()
    screenshot(page, "1-06-status")

    page.get_by_role("link", name="Withdraw your application").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Withdraw your application")
    screenshot(page, "1-07-withdraw-confirmation")
    page.get_by_role("button", name="Withdraw my application").click()
    # Without the confirmation ticked nothing happens.
    expect(page.get_by_role("alert").first).to_be_visible()
    application.refresh_from_db()
    assert application.state == ApplicationState.SUBMITTED
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Withdraw my application").click()

    expect(page.get_by_text("Withdrawn").first).to_be_visible()
    expect(page.get_by_role("link", name=re.compile("Withdraw", re.IGNORECASE))).to_have_count(0)
    screenshot(page, "1-08-withdrawn")
    application.refresh_from_db()
    assert application.state == ApplicationState.WITHDRAWN
