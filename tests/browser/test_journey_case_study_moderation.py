"""Journey 4 (issue 14), editors: a communications user writes a case study in Wagtail's page editor and submits it
to "Case study review"; an editor approves it from the dashboard; visitors find it on the case-study index under
its cluster, country and status filters, and not under others."""

import json
import re

import pytest
from playwright.sync_api import expect

from cluster_pages.models import CaseStudyPage, ClusterStatus
from cluster_pages.moderation import case_study_workflow_assign

from ..factories import CaseStudyPageFactory, ThematicClusterPageFactory
from .conftest import BROWSER
from .journeys import LAPTOP, another_person, screenshot, sign_in_to_admin, site_at

pytestmark = BROWSER
TITLE = "Tallinn's real-time bus priority"


@pytest.fixture
def clusters(site_tree, live_server):
    """Smart Mobility, and Smart Governance with a live case study from Seoul; case studies need an editor's
    approval ("Case study review", as on a site set up by load_initial_data)."""
    site_at(site_tree.site, live_server)
    mobility = ThematicClusterPageFactory(
        parent=site_tree.clusters, title="Smart Mobility", status=ClusterStatus.ACTIVE
    )
    governance = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Governance")
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Seoul open budget", country="KR", cluster=governance)
    assert case_study_workflow_assign(index_page=site_tree.case_studies) is not None
    return mobility


def rich_text(page, field: str, text: str) -> None:
    editor = page.locator(f"[data-contentpath='{field}'] [contenteditable='true']")
    editor.click()
    editor.press_sequentially(text)
    # Draftail writes what was typed to the form's hidden input a moment later.
    expect(page.locator(f"input[name='{field}']")).to_have_value(re.compile(re.escape(json.dumps(text)[1:-1])))


def test_a_case_study_is_written_submitted_approved_and_found_under_its_filters(
    clusters, communications, editor, live_server, page, settings
):
    # Wagtail's autosave is off for this journey, which is about moderation: submitting while an autosave is on its
    # way makes two creations race (Wagtail answers 500), and on a loaded machine Draftail may write the last words
    # to its hidden input after the autosave has read the form, so no "Saved" is certain to follow them.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    page.set_viewport_size(LAPTOP)

    # Communications writes it.
    sign_in_to_admin(page, live_server, communications.username)
    page.get_by_role("button", name="Pages").click()
    page.locator("#wagtail-sidebar").get_by_role("link", name="WeGO Thematic Clusters").first.click()
    page.get_by_role("link", name="Case studies", exact=True).first.click()
    page.get_by_role("button", name="Actions", exact=True).click()
    page.get_by_role("link", name="Add child page").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Case study page")
    page.get_by_role("textbox", name="Title").first.press_sequentially(TITLE)  # typed: the slug follows keys
    page.get_by_role("textbox", name="City").fill("Tallinn")
    page.get_by_role("combobox", name="Country").select_option(label="Estonia")
    page.get_by_role("button", name=re.compile("Choose a page|Choose cluster", re.IGNORECASE)).click()
    page.get_by_role("dialog").get_by_role("link", name="Smart Mobility").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    page.get_by_role("combobox", name="Project status").select_option(label="Completed")
    page.get_by_role("spinbutton", name="Year").fill("2024")
    page.get_by_role("textbox", name="Summary").fill("Buses got green lights first; journeys fell by a sixth.")
    rich_text(page, "challenge", "Buses were stuck at red lights.")
    rich_text(page, "solution", "Signals that let buses through first.")
    screenshot(page, "4-01-communications-writes")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name=re.compile("Submit to Case study review")).click()
    expect(page.get_by_text(re.compile(f"{TITLE}.*submitted", re.IGNORECASE)).first).to_be_visible()
    screenshot(page, "4-02-submitted")
    case_study = CaseStudyPage.objects.get(title=TITLE)
    assert not case_study.live
    assert "Signals that let buses through first." in case_study.get_latest_revision_as_object().solution

    # An editor approves it from the dashboard.
    desk = another_person(page)
    sign_in_to_admin(desk, live_server, editor.username)
    awaiting = desk.locator("section", has=desk.get_by_role("heading", name=re.compile("Awaiting your review")))
    expect(awaiting.get_by_role("link", name=TITLE).first).to_be_visible()
    screenshot(desk, "4-03-editor-dashboard")
    awaiting.get_by_role("link", name=TITLE).first.click()
    expect(desk.get_by_role("button", name="More actions")).to_be_visible()
    approve = desk.get_by_role("button", name="Approve and Publish", exact=True)
    if not approve.is_visible():
        desk.get_by_role("button", name="More actions").click()
    screenshot(desk, "4-04-editor-approves")
    approve.click()
    expect(desk.get_by_text(re.compile(f"{TITLE}.*has been updated", re.IGNORECASE)).first).to_be_visible()
    case_study.refresh_from_db()
    assert case_study.live

    # A visitor finds it.
    visitor = another_person(page)
    visitor.goto(f"{live_server.url}/")
    visitor.get_by_role("link", name="All case studies").click()
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
    visitor.get_by_label("Cluster").select_option(label="Smart Mobility")
    visitor.get_by_label("Country").select_option(label="Estonia")
    visitor.get_by_label("Status").select_option(label="Completed")
    visitor.get_by_role("button", name=re.compile("filter|apply|show", re.IGNORECASE)).click()
    expect(visitor.get_by_role("link", name=TITLE)).to_be_visible()
    expect(visitor.get_by_role("link", name="Seoul open budget")).to_have_count(0)
    screenshot(visitor, "4-05-index-filtered")
    visitor.get_by_label("Cluster").select_option(label="Smart Governance")
    visitor.get_by_role("button", name=re.compile("filter|apply|show", re.IGNORECASE)).click()
    expect(visitor.get_by_role("link", name=TITLE)).to_have_count(0)
    visitor.get_by_label("Cluster").select_option(label="Smart Mobility")
    visitor.get_by_role("button", name=re.compile("filter|apply|show", re.IGNORECASE)).click()
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_have_text(TITLE)
    screenshot(visitor, "4-06-case-study")
