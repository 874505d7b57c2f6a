"""Our admin screens, the members' login and workspace, and the 404 and 500 pages pass axe-core with no serious or
critical violation (issue 14's accessibility bar for the screens the public sweep does not cover).

One browser visits every screen in turn, as a coordinator (who may do everything these screens offer), then
as a member, then signed out; the test prints a table of what axe found per screen, minor and moderate
included, and fails listing every serious or critical one. Violations in Wagtail's own markup are left out
narrowly (``axe_support.EXCEPTIONS``, by rule and selector, each with its reason) and printed too.
"""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from playwright.sync_api import expect

from cluster_pages.membership import cluster_workspace_ensure
from cluster_pages.models import CityApplication
from home.models import HomePage
from workflows.models import ApplicationState, Assessment
from workflows.services.assessments import assessments_request

from ..factories import TEST_PASSWORD, UserFactory
from ..workspace.conftest import (  # noqa: F401 - fixtures
    city_criteria,
    clusters,
    make_city_application,
    make_company_registration,
    make_theme_suggestion,
    move,
)
from .axe_support import BLOCKING, axe_violations, print_table
from .conftest import BROWSER
from .journeys import sign_in_to_admin
from .test_workspace_row_actions import sign_in

pytestmark = BROWSER
S = ApplicationState
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 320, "height": 640}


@pytest.fixture
def screens(make_city_application, make_company_registration, make_theme_suggestion, clusters, move, coordinator):  # noqa: F811
    """The admin screens' paths, on rows in several states (one with notes and a history)."""
    city = make_city_application(S.SUBMITTED, city="Seoul")
    other = make_city_application(S.SUBMITTED, city="Busan")
    active = make_city_application(S.ASSIGNED, city="Quito")
    move(active, "activate", coordinator)
    company = make_company_registration(S.REVIEWED)
    theme = make_theme_suggestion()
    city_admin = "/admin/applications/city-applications"
    erase = reverse("workflow_forms_erase_applicant", args=[_content_type(city).pk, city.pk])
    return {
        "listing, city applications": f"{city_admin}/",
        "listing, company registrations": "/admin/applications/company-registrations/",
        "listing, theme suggestions": "/admin/applications/theme-suggestions/",
        "listing, filtered": f"{city_admin}/?state=submitted&state=active",
        "inspect, city application": f"{city_admin}/inspect/{active.pk}/",
        "inspect, company registration": f"/admin/applications/company-registrations/inspect/{company.pk}/",
        "inspect, theme suggestion": f"/admin/applications/theme-suggestions/inspect/{theme.pk}/",
        "transition form": f"{city_admin}/transition/{city.pk}/reject/?state=submitted",
        "bulk confirmation form": f"{city_admin}/bulk/reject/?id={city.pk}&id={other.pk}&id={active.pk}",
        "dashboard panel": "/admin/",
        "state diagram": "/admin/applications/how-applications-move/",
        "erasure": erase,
        "cluster leaders": "/admin/applications/cluster-leaders/",
        "cluster leaders, grant": "/admin/applications/cluster-leaders/new/",
    }


def _content_type(row):
    return ContentType.objects.get_for_model(row)


@pytest.fixture
def assessment_form(screens, city_criteria, coordinator, reviewer):  # noqa: F811
    """The path of the assessment form of a row the coordinator asked ``reviewer`` to assess."""
    city = CityApplication.objects.get(city="Seoul")
    assessments_request(submission=city, reviewers=[reviewer], user=coordinator)
    return f"/admin/applications/city-applications/assessment/{city.pk}/"


@pytest.fixture
def request_screens(assessment_form, coordinator, reviewer):
    """The screens around the request ``assessment_form`` made: the coordinator's (withdraw or re-assign,
    record a conflict) and the reviewer's (decline)."""
    request = Assessment.objects.get(reviewer=reviewer)
    city_admin = "/admin/applications/city-applications"
    return {
        "coordinator": {
            "withdraw or re-assign a request": f"{city_admin}/assessment/{request.object_id}/withdraw/{request.pk}/",
            "record a conflict of interest": f"{city_admin}/assessment/{request.object_id}/conflict/",
        },
        "reviewer": {"decline a request": f"{city_admin}/assessment/{request.object_id}/decline/"},
    }


@pytest.fixture
def member_workspace(clusters):  # noqa: F811
    space = cluster_workspace_ensure(cluster=clusters.mobility)
    member = UserFactory(username="minji@seoul.example", email="minji@seoul.example")
    member.groups.add(space.group)
    return space.page


def test_admin_screens_member_pages_and_error_pages_have_no_serious_axe_violation(
    screens, assessment_form, request_screens, member_workspace, coordinator, reviewer, live_server, page, monkeypatch
):
    axe = Axe()
    report, failures = [], []

    def check(label: str, *, phone: bool = False) -> None:
        counts, blocking, lesser, excused = axe_violations(page, axe)
        lines = lesser + [f"left out (Wagtail's): {line}" for line in excused]
        if phone:
            page.set_viewport_size(PHONE)
            phone_counts, phone_blocking, phone_lesser, _ = axe_violations(page, axe)
            page.set_viewport_size(DESKTOP)
            counts += phone_counts
            blocking += [f"at 320 px: {line}" for line in phone_blocking]
            lines += [f"at 320 px: {line}" for line in phone_lesser]
        report.append((label, counts, lines))
        failures.extend(f"{label}: {line}" for line in blocking)

    page.set_viewport_size(DESKTOP)
    sign_in(page, live_server, coordinator.username)
    for label, path in {**screens, **request_screens["coordinator"]}.items():
        response = page.goto(live_server.url + path)
        assert response.status == 200, f"{label}: {path} answered {response.status}"
        check(label)

    # States that only show after an action: the footer with a selection, a row's dropdown, a form's errors.
    page.goto(live_server.url + screens["listing, city applications"])
    page.locator("[data-bulk-action-checkbox]").first.check()
    expect(page.locator("[data-bulk-action-footer]")).to_be_visible()
    check("listing, rows selected (bulk footer)")
    page.locator(".workflow-actions-toggle").first.click()
    expect(page.locator(".w-dropdown__content:visible")).to_have_count(1)
    check("listing, a row's Actions open")
    page.goto(live_server.url + screens["transition form"])
    page.get_by_role("button", name="Reject").click()
    expect(page.locator(".error-message").first).to_be_visible()
    check("transition form, with errors")
    page.goto(live_server.url + screens["bulk confirmation form"])
    page.get_by_role("button", name="Reject (2 rows)").click()
    expect(page.locator(".error-message").first).to_be_visible()
    check("bulk confirmation form, with errors")

    # The reviewer asked for an assessment: its form, empty and sent empty.
    page.context.clear_cookies()
    sign_in_to_admin(page, live_server, reviewer.username)
    assert page.goto(live_server.url + assessment_form).status == 200
    expect(page.get_by_role("heading", name="Your assessment")).to_be_visible()
    check("assessment form")
    page.get_by_role("button", name="Save assessment").click()
    expect(page.get_by_text("The assessment was not saved")).to_be_visible()
    check("assessment form, with errors")
    for label, path in request_screens["reviewer"].items():
        assert page.goto(live_server.url + path).status == 200
        check(label, phone=True)
        page.get_by_role("button", name="Decline").click()
        expect(page.locator(".error-message").first).to_be_visible()
        check(f"{label}, with errors")

    # A member: the site's login page (from the workspace), then the workspace itself.
    page.context.clear_cookies()
    page.goto(live_server.url + member_workspace.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    check("members' login", phone=True)
    page.get_by_label("E-mail address").fill("minji@seoul.example")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Members' workspace")
    check("members' workspace", phone=True)

    page.context.clear_cookies()
    assert page.goto(live_server.url + "/no-such-page/").status == 404
    check("404", phone=True)

    def broken(*args, **kwargs):
        raise RuntimeError("a test-only failure")

    monkeypatch.setattr(HomePage, "get_context", broken)
    assert page.goto(live_server.url + "/").status == 500
    expect(page.get_by_role("heading", level=1)).to_have_text("Something went wrong")
    check("500", phone=True)

    print_table(report)
    assert failures == [], "\n".join(failures)
    assert all(impact in (*BLOCKING, "minor", "moderate") for _, counts, _ in report for impact in counts)
