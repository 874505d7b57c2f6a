"""A coordinator asks two reviewers for assessments with a due date; one declines with a conflict of interest and
can then no longer open the application's assessments; the other is reminded (the cron command), becomes
overdue, and assesses; meanwhile the coordinator sees the overdue filter and column and the declaration, and at
the end all of it in the pipeline reports (Reports › Pipeline). The
new screens fit 1280 px and a 375 px phone without sideways scrolling, and axe finds nothing serious there.

Set ``REVIEW_SHOTS`` to a folder to keep screenshots of each step at both widths (outside the repository)."""

import datetime
import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.management import call_command
from playwright.sync_api import expect

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment, Notification

from ..workspace.conftest import city_criteria, clusters, make_city_application  # noqa: F401 - fixtures
from .axe_support import axe_violations
from .conftest import BROWSER
from .test_workspace_row_actions import LAPTOP, sign_in

pytestmark = BROWSER
S = ApplicationState
PHONE = {"width": 375, "height": 740}
ADMIN = "/admin/applications/city-applications"
SHOTS = os.environ.get("REVIEW_SHOTS")
PAGE_WIDTH = "() => document.documentElement.scrollWidth"


@pytest.fixture
def row(make_city_application, city_criteria):  # noqa: F811 - the imported fixtures
    return make_city_application(S.SUBMITTED, city="Seoul")


def look(page, name: str, failures: list) -> None:
    """axe at 1280 px and at 375 px (no sideways scrolling there), with screenshots when asked for."""
    for label, size in (("1280", LAPTOP), ("375", PHONE)):
        page.set_viewport_size(size)
        _counts, blocking, _lesser, _excused = axe_violations(page, Axe())
        failures.extend(f"{name} at {label} px: {line}" for line in blocking)
        if label == "375":
            width = page.evaluate(PAGE_WIDTH)
            if width > PHONE["width"]:
                failures.append(f"{name} scrolls sideways at 375 px ({width} px wide)")
        if SHOTS:
            Path(SHOTS).mkdir(parents=True, exist_ok=True)
            page.screenshot(path=f"{SHOTS}/{name}-{label}.png", full_page=True)
    page.set_viewport_size(LAPTOP)


def test_request_decline_with_a_conflict_remind_overdue_and_assess(row, coordinator, reviewer, live_server, page):
    other = UserFactory(username="reviewer-two", first_name="Rosa", last_name="Second", groups=["Reviewers"])
    failures: list[str] = []
    due = datetime.date.today() + datetime.timedelta(days=10)
    page.set_viewport_size(LAPTOP)

    # The coordinator asks both, due in ten days.
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}{ADMIN}/inspect/{row.pk}/")
    page.get_by_role("link", name="Request assessments…").click()
    page.get_by_label(reviewer.get_full_name()).check()
    page.get_by_label(other.get_full_name()).check()
    page.get_by_label("Due date").fill(due.isoformat())
    look(page, "request-form", failures)
    page.get_by_role("button", name="Request assessments").click()
    expect(page.get_by_text("2 assessments requested")).to_be_visible()
    assert set(Assessment.objects.values_list("due_date", flat=True)) == {due}
    page.context.clear_cookies()

    # The first reviewer declines: a conflict of interest.
    sign_in(page, live_server, reviewer.username)
    page.goto(f"{live_server.url}{ADMIN}/inspect/{row.pk}/")
    page.get_by_role("link", name="Decline the request…").click()
    page.get_by_label("Conflict of interest").check()
    page.get_by_label("Note (optional)").fill("I advise a competing city's bid.")
    look(page, "decline-form", failures)
    page.get_by_role("button", name="Decline").click()
    expect(page.get_by_text("you declined the assessment request")).to_be_visible()
    expect(page.locator("[data-assessments-refused]")).to_be_visible()
    response = page.goto(f"{live_server.url}{ADMIN}/assessment/{row.pk}/")
    assert response.status == 403
    expect(page.get_by_text("You declared a conflict of interest with this application")).to_be_visible()
    page.context.clear_cookies()

    # The second is reminded three days before (the cron command), then the date passes unanswered.
    call_command("send_assessment_reminders", "--date", (due - datetime.timedelta(days=3)).isoformat(), verbosity=0)
    (reminder,) = Notification.objects.filter(template="staff_assessment_reminder")
    assert reminder.recipient_email == other.email
    # A due date in the past cannot be chosen; it is reached by time passing: moved back here.
    Assessment.objects.filter(reviewer=other).update(due_date=datetime.date.today() - datetime.timedelta(days=1))

    # The coordinator finds it overdue in the listing, and the declaration on the inspect page.
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}{ADMIN}/?assessment_overdue=true")
    expect(page.locator("#listing-results tbody tr")).to_have_count(1)
    expect(page.locator("[data-overdue]")).to_contain_text("1 assessment overdue")
    look(page, "listing-overdue", failures)
    page.goto(f"{live_server.url}{ADMIN}/inspect/{row.pk}/")
    expect(page.locator('[data-request-state="overdue"]')).to_be_visible()
    expect(page.locator("[data-conflicts]")).to_contain_text("I advise a competing city's bid.")
    look(page, "inspect-coordinator", failures)
    with page.expect_navigation():  # axe runs on the form, not on the page being left
        page.get_by_role("link", name="Record a conflict of interest…").click()
    look(page, "conflict-form", failures)
    page.goto(f"{live_server.url}{ADMIN}/inspect/{row.pk}/")
    with page.expect_navigation():  # axe runs on the form, not on the page being left
        page.get_by_role("link", name="Withdraw or re-assign…").click()
    look(page, "withdraw-form", failures)
    page.context.clear_cookies()

    # The second reviewer assesses after all: nothing is overdue any more.
    sign_in(page, live_server, other.username)
    page.goto(f"{live_server.url}{ADMIN}/assessment/{row.pk}/")
    for group, label in (
        ("Relevance to the cluster", "4 – Good"),
        ("Maturity", "3 – Adequate"),
        ("Transferability", "4 – Good"),
        ("Recommendation", "Accept"),
    ):
        page.get_by_role("group", name=group).get_by_label(label).check()
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_text("your assessment was saved")).to_be_visible()
    page.goto(f"{live_server.url}{ADMIN}/?assessment_overdue=true")
    expect(page.locator("#listing-results tbody tr")).to_have_count(0)
    page.context.clear_cookies()

    # The coordinator sees it in the reports: per reviewer, requested / given / overdue / declined.
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}/admin/reports/pipeline/")
    per_reviewer = page.locator("#report-reviewers tbody tr")
    expect(per_reviewer.filter(has_text=other.get_full_name()).locator("td")).to_have_text(["1", "1", "0", "0"])
    expect(per_reviewer.filter(has_text=reviewer.get_full_name()).locator("td")).to_have_text(["1", "0", "0", "1"])
    expect(page.locator("#report-scores tbody tr")).to_have_count(3)
    look(page, "reports", failures)

    assert failures == [], "\n".join(failures)
