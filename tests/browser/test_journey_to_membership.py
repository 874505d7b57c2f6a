"""Journey 3 (issue 14), reviewer → coordinator → cluster leader → member, each in a browser of their own: a
reviewer filters the city applications, opens one, downloads its project brief, adds a note and marks it reviewed;
a coordinator assigns it to Smart Mobility; Smart Mobility's leader (a ClusterLeadership grant), who sees only
their clusters' applications, activates it after the confirmation step; the new member sets a password from the
invitation mail and opens the cluster's members-only workspace.

The reviewer also gives an assessment, asked for by the coordinator on the inspect page ("Request assessments…"):
the reviewer follows the mail's link, scores each criterion, recommends, comments and saves, and the listing
shows the count and the mean.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cluster_pages.models import CityApplication, CityApplicationFormPage
from workflows.api.forms import build_form
from workflows.models import ApplicationState
from workflows.services.submissions import submission_create

from ..activation.conftest import city_application, clusters, mobility_leader, water_leader  # noqa: F401 - fixtures
from ..factories import StandardPageFactory
from ..site_forms.support import PDF_BYTES, add_form_page, private_media, upload  # noqa: F401 - fixture
from ..workspace.conftest import city_criteria  # noqa: F401 - fixture
from .conftest import BROWSER
from .journeys import LAPTOP, another_person, link_in_mail, mails_to, screenshot, sign_in_to_admin, site_at

pytestmark = BROWSER
S = ApplicationState
APPLICANT = "minji@seoul.example"
MEMBER_PASSWORD = "Han River at dusk 2026"
NOTE = "Strong data governance; ask about the budget at the interview."


@pytest.fixture
def seoul(site_tree, clusters, live_server, private_media):  # noqa: F811 - the imported fixtures
    """Seoul applied through the city form with its brief; two other cities applied too, and Lisbon's
    application is already assigned to Water (whose leader is someone else)."""
    site_at(site_tree.site, live_server)
    join = StandardPageFactory(parent=site_tree.home, title="How to join", slug="join")
    city_form = add_form_page(join, CityApplicationFormPage, "city", "Apply as a city")
    data = {
        "city": "Seoul",
        "country": "KR",
        "organisation": "Smart City Bureau",
        "applicant_name": "Kim Min-ji",
        "role": "Director of Smart City Policy",
        "applicant_email": APPLICANT,
        "clusters": [str(clusters.mobility.pk)],
        "project_title": "Mobility data platform",
        "project_description": "A shared platform for the city's mobility data.",
        "project_status": "development",
        "partners_sought": "Cities with open mobility data.",
        "consent_privacy": "on",
    }
    form = build_form(city_form, data, {"project_brief": upload("seoul-brief.pdf", PDF_BYTES)})
    assert form.is_valid(), form.errors
    city_application(city="Quito", country="EC")
    city_application(city="Lisbon", country="PT", state=S.ASSIGNED, assigned_to=clusters.water)
    return submission_create(form_page=city_form, cleaned_data=form.cleaned_data, files=form.uploads()).submission


def open_city_applications(page):
    page.get_by_role("button", name="Applications").click()
    page.get_by_role("link", name="City applications").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("City applications")


def test_an_application_goes_from_the_reviewer_to_a_member_in_the_workspace(
    seoul,
    city_criteria,  # noqa: F811 - the imported fixture
    clusters,  # noqa: F811 - the imported fixture
    reviewer,
    coordinator,
    mobility_leader,  # noqa: F811 - the imported fixture
    water_leader,  # noqa: F811 - the imported fixture
    live_server,
    settings,
    page,
):
    reference = seoul.reference
    settings.WAGTAILADMIN_BASE_URL = live_server.url  # the admin's links in staff mail (the assessment request)
    page.set_viewport_size(LAPTOP)

    # The coordinator asks the reviewer for an assessment.
    coordinator_desk = another_person(page)
    sign_in_to_admin(coordinator_desk, live_server, coordinator.username)
    open_city_applications(coordinator_desk)
    coordinator_desk.get_by_role("link", name=reference).click()
    coordinator_desk.get_by_role("link", name="Request assessments…").click()
    coordinator_desk.get_by_label(reviewer.get_full_name()).check()
    screenshot(coordinator_desk, "3-01-coordinator-requests-an-assessment")
    coordinator_desk.get_by_role("button", name="Request assessments").click()
    expect(coordinator_desk.get_by_text("1 assessment requested")).to_be_visible()

    # The reviewer.
    sign_in_to_admin(page, live_server, reviewer.username)
    open_city_applications(page)
    expect(page.get_by_role("cell", name=re.compile(r"^Quito\b"))).to_be_visible()
    # The same locators find the rows before the filter, so their absence below means something.
    expect(page.get_by_role("cell", name=re.compile(r"^Lisbon\b"))).to_be_visible()
    page.get_by_role("button", name="Show filters").first.click()
    page.get_by_role("button", name="Country", exact=True).click()
    page.get_by_label("Country").select_option(label="South Korea")
    expect(page.get_by_role("cell", name=re.compile(r"^Quito\b"))).to_have_count(0)
    expect(page.get_by_role("cell", name=re.compile(r"^Lisbon\b"))).to_have_count(0)
    screenshot(page, "3-02-reviewer-filtered-listing")
    page.get_by_role("link", name=reference).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(reference)

    with page.expect_download() as download:
        page.get_by_role("link", name="seoul-brief.pdf").click()
    assert download.value.suggested_filename == "seoul-brief.pdf"
    with open(download.value.path(), "rb") as brief:
        assert brief.read() == PDF_BYTES

    page.get_by_role("textbox", name="Internal note").fill(NOTE)
    page.get_by_role("button", name="Add note").click()
    expect(page.get_by_role("region", name="Internal notes")).to_contain_text(NOTE)

    (request,) = [message for message in mails_to(reviewer.email) if "/assessment/" in message.body]
    page.goto(link_in_mail(request, live_server, r"/assessment/\d+/$"))
    expect(page.get_by_role("heading", name="Your assessment")).to_be_visible()
    page.get_by_role("group", name="Relevance to the cluster").get_by_label("5 – Excellent").check()
    page.get_by_role("group", name="Maturity").get_by_label("4 – Good").check()
    page.get_by_role("group", name="Transferability").get_by_label("3 – Adequate").check()
    page.get_by_role("group", name="Recommendation").get_by_label("Accept").check()
    page.get_by_label("Comment").fill("Ready to share its data; a good fit for the cluster.")
    screenshot(page, "3-03-reviewer-assesses")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_text("your assessment was saved")).to_be_visible()
    open_city_applications(page)
    cells = page.locator("#listing-results tbody tr", has_text=reference).locator("td")
    expect(cells.nth(-2)).to_have_text("1")
    expect(cells.nth(-1)).to_have_text("4.0")

    page.get_by_role("link", name=reference).click()
    page.get_by_role("button", name="Mark reviewed").click()
    expect(page.get_by_text(f"{reference}: Mark reviewed done.")).to_be_visible()
    screenshot(page, "3-04-reviewer-marked-reviewed")
    assert CityApplication.objects.get(pk=seoul.pk).state == S.REVIEWED

    # The coordinator.
    desk = coordinator_desk
    open_city_applications(desk)
    desk.get_by_role("link", name=reference).click()
    desk.get_by_role("link", name="Assign…").click()
    desk.get_by_label("Assign to").select_option(label="Smart Mobility")
    screenshot(desk, "3-05-coordinator-assigns")
    desk.get_by_role("button", name="Assign").click()
    expect(desk.get_by_text(f"{reference}: Assign done.")).to_be_visible()
    assert CityApplication.objects.get(pk=seoul.pk).state == S.ASSIGNED

    # Smart Mobility's leader sees Seoul, assigned to their cluster, and not Lisbon, assigned to Water.
    desk = another_person(page)
    sign_in_to_admin(desk, live_server, mobility_leader.username)
    open_city_applications(desk)
    expect(desk.get_by_role("link", name=reference)).to_be_visible()
    expect(desk.get_by_role("cell", name=re.compile(r"^Lisbon\b"))).to_have_count(0)
    screenshot(desk, "3-06-leader-listing")
    desk.get_by_role("link", name=reference).click()
    desk.get_by_role("link", name="Activate…").click()
    expect(desk.get_by_text("Kim Min-ji becomes a participant of “Smart Mobility”")).to_be_visible()
    screenshot(desk, "3-07-leader-confirms-activation")
    assert CityApplication.objects.get(pk=seoul.pk).state == S.ASSIGNED
    desk.get_by_role("button", name="Activate").click()
    expect(desk.get_by_text(f"{reference}: Activate done.")).to_be_visible()
    assert CityApplication.objects.get(pk=seoul.pk).state == S.ACTIVE

    # The new member.
    member = another_person(page)
    (invitation,) = [message for message in mails_to(APPLICANT) if "set-password" in message.body]
    member.goto(link_in_mail(invitation, live_server, r"^/en/account/set-password/"))
    expect(member.get_by_role("heading", level=1)).to_have_text("Set your password")
    member.get_by_label("New password", exact=True).fill(MEMBER_PASSWORD)
    member.get_by_label("New password confirmation").fill(MEMBER_PASSWORD)
    screenshot(member, "3-08-member-sets-password")
    member.get_by_role("button", name="Set my password").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Your password is set")

    member.goto(link_in_mail(invitation, live_server, r"^/en/clusters/smart-mobility/members/$"))
    expect(member.get_by_role("heading", level=1)).to_have_text("Sign in")
    member.get_by_label("E-mail address").fill(APPLICANT)
    member.get_by_label("Password").fill(MEMBER_PASSWORD)
    member.get_by_role("button", name="Sign in").click()
    expect(member).to_have_url(re.compile(r"/clusters/smart-mobility/members/$"))
    expect(member.get_by_role("link", name=re.compile("discussion", re.IGNORECASE)).first).to_have_attribute(
        "href", "https://forum.example.org/smart-mobility"
    )
    screenshot(member, "3-09-member-workspace")
    assert get_user_model().objects.get(email=APPLICANT).groups.filter(name="Members: Smart Mobility").exists()
