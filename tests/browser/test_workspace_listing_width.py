"""Each kind's listing of long, realistic rows (long names and organisations, several clusters of interest, an
assigned cluster, the applicant's language, assessments given) fits the content area at a 1280 px window with
the sidebar open, and at 1400 and 1600 px: no column cut off, every row's "Actions" toggle in the window and
usable. On a 375 px phone the table scrolls inside its own area; the page does not scroll sideways.

Screenshots: ``screenshots/workspace/listing-<kind>-<width>.png`` (git-ignored)."""

from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from playwright.sync_api import expect

from cluster_pages.models import ClusterStatus, CompanyRegistration, ThemeSuggestion
from tests.factories import ThematicClusterPageFactory
from workflows.models import ApplicationState, AssessmentCriterion

from ..workspace.conftest import (  # noqa: F401 - fixtures
    assess,
    city_criteria,
    clusters,
    make_city_application,
    make_company_registration,
    make_theme_suggestion,
)
from .conftest import BROWSER
from .test_workspace_row_actions import sign_in

pytestmark = BROWSER
S = ApplicationState
LISTINGS = {
    "city": "/admin/applications/city-applications/",
    "company": "/admin/applications/company-registrations/",
    "theme": "/admin/applications/theme-suggestions/",
}
WIDTHS = (1280, 1400, 1600)
SIDEBAR_OPEN = 200  # Wagtail's expanded sidebar, in px
SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots" / "workspace"

LONG = {
    "person": "Maria Fernanda Gutiérrez-Villanueva de la Cruz",
    "organisation": "Department of Urban Innovation and Digital Transformation, Metropolitan Municipality",
    "company": "Sustainable Infrastructure Analytics and Urban Mobility Solutions International GmbH",
    "theme": "Night-time economy, safety and public lighting in historic city centres",
}
# Cities, countries and languages as long as the network's members have them.
PLACES = [("Thiruvananthapuram", "IN", "ko"), ("San Cristóbal de las Casas", "MX", "es"), ("Ulaanbaatar", "MN", "fr")]
# States in which a coordinator has transitions (an "Actions" toggle) and may ask for assessments.
STATES = [S.SUBMITTED, S.REVIEWED, S.ASSIGNED]

MEASURE = """() => {
    const table = document.querySelector("#listing-results table");
    const area = document.querySelector("#listing-results");
    const headers = [...table.querySelectorAll("thead th")];
    return {
        table: table.scrollWidth,
        area: area.clientWidth,
        areaLeft: area.getBoundingClientRect().left,
        page: document.documentElement.scrollWidth,
        lastHeaderRight: headers[headers.length - 1].getBoundingClientRect().right,
    };
}"""


@pytest.fixture
def long_clusters(clusters):  # noqa: F811 - the imported fixture
    parent = clusters.mobility.get_parent()
    return [
        ThematicClusterPageFactory(parent=parent, title=title, status=ClusterStatus.ACTIVE)
        for title in ("Smart Utility & Waste Management", "Living Labs for Open Innovation", "Digital Government")
    ]


def criteria(model, names=("Relevance to the cluster", "Maturity")):
    kind = ContentType.objects.get_for_model(model)
    return [
        AssessmentCriterion.objects.create(kind=kind, name=name, sort_order=order)
        for order, name in enumerate(names, start=1)
    ]


def assessed(row, reviewers, coordinator, assess, row_criteria):  # noqa: F811 - the imported fixture
    assess.ask(row, reviewers, coordinator)
    for reviewer, score in zip(reviewers, (5, 3), strict=True):
        assess.give(row, reviewer, row_criteria, [score] * len(row_criteria))
    return row


@pytest.fixture
def rows(
    long_clusters,
    make_city_application,  # noqa: F811
    make_company_registration,  # noqa: F811
    make_theme_suggestion,  # noqa: F811
    city_criteria,  # noqa: F811
    assess,  # noqa: F811
    reviewer,
    coordinator,
):
    """Three long rows of each kind, each assessed by two reviewers; the assigned ones in a long-named cluster."""
    reviewers = [reviewer, coordinator]
    company_criteria, theme_criteria = criteria(CompanyRegistration), criteria(ThemeSuggestion)
    made = {"city": [], "company": [], "theme": []}
    for state, (city, country, language) in zip(STATES, PLACES, strict=True):
        assigned = long_clusters[0] if state == S.ASSIGNED else None
        city_row = make_city_application(
            state,
            assigned_to=assigned,
            city=city,
            country=country,
            name=LONG["person"],
            organisation=LONG["organisation"],
            interests=long_clusters,
            language=language,
        )
        made["city"].append(assessed(city_row, reviewers, coordinator, assess, city_criteria))
        company_row = make_company_registration(
            state, assigned_to=assigned, company=LONG["company"], country=country, language=language
        )
        CompanyRegistration.objects.filter(pk=company_row.pk).update(applicant_name=LONG["person"])
        company_row.themes.set(long_clusters)
        made["company"].append(assessed(company_row, reviewers, coordinator, assess, company_criteria))
        theme_row = make_theme_suggestion(theme=LONG["theme"])
        ThemeSuggestion.objects.filter(pk=theme_row.pk).update(
            applicant_name=LONG["person"], organisation=LONG["organisation"], language=language
        )
        made["theme"].append(assessed(theme_row, reviewers, coordinator, assess, theme_criteria))
    # The widest state badge, on a row a coordinator has no transition for (so no "Actions" toggle).
    make_city_application(S.CHANGES_REQUESTED, city="Bengaluru", country="IN", name=LONG["person"])
    make_company_registration(S.CHANGES_REQUESTED, company=LONG["company"], country="BA")
    return made


def screenshot(page, kind, width):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"listing-{kind}-{width}.png"))


@pytest.mark.parametrize("kind", list(LISTINGS))
def test_the_listing_of_long_rows_fits_and_every_rows_actions_are_in_the_window(
    rows, coordinator, live_server, page, kind
):
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}{LISTINGS[kind]}")
    for row in rows[kind]:
        expect(page.locator("#listing-results tbody tr", has_text=row.reference)).to_contain_text(LONG["person"])

    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.wait_for_function(f"document.documentElement.clientWidth === {width}")
        sizes = page.evaluate(MEASURE)
        screenshot(page, kind, width)
        assert sizes["areaLeft"] >= SIDEBAR_OPEN, f"{width} px: the sidebar is not open"
        assert sizes["table"] <= sizes["area"], f"{width} px: the table is {sizes['table']} px in {sizes['area']}"
        assert sizes["page"] <= width, f"{width} px: the page scrolls sideways"
        assert sizes["lastHeaderRight"] <= width, f"{width} px: the last column is cut off"
        for row in rows[kind]:
            expect(page.get_by_role("button", name=f"Actions for {row.reference}")).to_be_visible()
        toggles = page.locator("[data-workflow-actions]")
        assert toggles.count() >= len(rows[kind])
        for toggle in toggles.all():
            box = toggle.bounding_box()
            name = toggle.get_attribute("aria-label")
            assert box["x"] >= 0 and box["x"] + box["width"] <= width, f"{width} px: {name} cut off"
        # The row's last cells: its assessment count and mean score, in the window.
        last_row = page.locator("#listing-results tbody tr", has_text=rows[kind][-1].reference)
        score = last_row.locator("td").last
        expect(score).to_have_text("4.0")
        assert score.bounding_box()["x"] + score.bounding_box()["width"] <= width

    # Usable: the last row's dropdown opens inside the window, with its transitions.
    page.set_viewport_size({"width": WIDTHS[0], "height": 900})
    page.get_by_role("button", name=f"Actions for {rows[kind][-1].reference}").click()
    menu = page.locator(".w-dropdown__content:visible")
    expect(menu).to_have_count(1)
    item = menu.locator("[data-transition]").first
    expect(item).to_be_visible()
    box = item.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTHS[0]


def test_on_a_phone_the_table_scrolls_in_its_own_area(rows, coordinator, live_server, page):
    page.set_viewport_size({"width": 375, "height": 740})
    sign_in(page, live_server, coordinator.username)
    page.goto(f"{live_server.url}{LISTINGS['city']}")
    expect(page.get_by_role("button", name=f"Actions for {rows['city'][0].reference}")).to_be_visible()
    sizes = page.evaluate(MEASURE)
    screenshot(page, "city", 375)
    assert sizes["page"] <= 375, "the page scrolls sideways"
    assert sizes["table"] > sizes["area"]
    assert page.evaluate("getComputedStyle(document.querySelector('#listing-results')).overflowX") == "auto"
