"""The home page's figures are counted from published content whenever the page is shown."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from cluster_pages.models import ClusterStatus

from .factories import CaseStudyPageFactory, EventPageFactory, StandardPageFactory, ThematicClusterPageFactory

# The figures counted from pages. Membership figures (cities, companies, countries) have their own tests.
LABELS = {
    "active_clusters": "Active clusters",
    "forming_clusters": "Clusters forming",
    "upcoming_events": "Upcoming events",
    "case_studies": "Best-practice case studies",
}
NOTHING = dict.fromkeys(LABELS, 0)
NONE_YET = "None yet"


def figures_in_context(client):
    response = client.get("/en/")
    assert response.status_code == 200
    return {figure.key: figure.value for figure in response.context["figures"] if figure.key in LABELS}


def figures_read(client) -> dict[str, str]:
    """What a visitor reads: each <dt> label with the text of the <dd> after it."""
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    return {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in soup.find_all("dt")}


def figures_on_page(client):
    """The figures read as numbers, "None yet" being none."""
    shown = figures_read(client)
    return {
        key: 0 if shown[label] == NONE_YET else int(shown[label]) for key, label in LABELS.items() if label in shown
    }


def assert_figures(client, **expected):
    figures = {**NOTHING, **expected}
    assert figures_in_context(client) == figures
    assert figures_on_page(client) == figures


def publish(page):
    page.save_revision().publish()


def test_an_empty_site_says_none_yet_for_every_figure_instead_of_zero(client, site_tree):
    assert_figures(client)
    shown = figures_read(client)
    assert [shown[label] for label in LABELS.values()] == [NONE_YET] * len(LABELS)
    assert "0" not in shown.values()


def test_a_cluster_moves_from_forming_to_active_when_its_new_status_is_published(client, site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, status=ClusterStatus.FORMING)
    assert_figures(client, forming_clusters=1)

    cluster.status = ClusterStatus.ACTIVE
    cluster.save_revision()  # a draft change is not on the site yet
    assert_figures(client, forming_clusters=1)

    cluster.get_latest_revision().publish()
    assert_figures(client, active_clusters=1)


def test_archived_and_draft_clusters_are_not_counted(client, site_tree):
    ThematicClusterPageFactory(parent=site_tree.clusters, status=ClusterStatus.ARCHIVED)
    ThematicClusterPageFactory(parent=site_tree.clusters, status=ClusterStatus.ACTIVE, live=False)
    ThematicClusterPageFactory(parent=site_tree.clusters, status=ClusterStatus.ACTIVE)

    assert_figures(client, active_clusters=1)


def test_adding_an_upcoming_event_raises_the_upcoming_events_figure(client, site_tree):
    today = timezone.localdate()
    EventPageFactory(parent=site_tree.events, start_date=today, end_date=today)
    assert_figures(client, upcoming_events=1)

    EventPageFactory(parent=site_tree.events, start_date=today + datetime.timedelta(days=9))
    assert_figures(client, upcoming_events=2)


def test_past_and_draft_events_are_not_upcoming(client, site_tree):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    EventPageFactory(parent=site_tree.events, start_date=yesterday, end_date=yesterday)
    EventPageFactory(parent=site_tree.events, live=False)

    assert_figures(client)


def test_publishing_and_unpublishing_a_case_study_changes_the_case_studies_figure(client, site_tree):
    case_study = CaseStudyPageFactory(parent=site_tree.case_studies, live=False)
    assert_figures(client)

    publish(case_study)
    assert_figures(client, case_studies=1)

    case_study.refresh_from_db()
    case_study.unpublish()
    assert_figures(client)


def test_a_live_figure_block_on_a_content_page_shows_the_current_number(client, site_tree):
    StandardPageFactory(
        parent=site_tree.home,
        title="In numbers",
        slug="in-numbers",
        body=[("live_figure", {"figure": "case_studies", "caption": "Stories told"})],
    )
    CaseStudyPageFactory(parent=site_tree.case_studies)
    CaseStudyPageFactory(parent=site_tree.case_studies)

    soup = BeautifulSoup(client.get("/en/in-numbers/").content, "html.parser")

    label = soup.find("dt", string="Stories told")
    assert label is not None
    assert label.find_next_sibling("dd").get_text(strip=True) == "2"


def test_the_api_reports_the_same_figures(client, site_tree):
    ThematicClusterPageFactory(parent=site_tree.clusters, status=ClusterStatus.FORMING)
    CaseStudyPageFactory(parent=site_tree.case_studies)
    on_the_page = client.get("/en/").context["figures"]

    body = client.get(f"/api/v3/pages/{site_tree.home.pk}/").json()

    assert body["figures"] == [figure.as_dict() for figure in on_the_page]
    assert [(figure["key"], figure["label"]) for figure in body["figures"]][:3] == [
        ("participating_cities", "Participating cities"),
        ("active_clusters", "Active clusters"),
        ("partner_companies", "Partner organisations"),
    ]
    assert body["figures"][2]["by_type"] == {}
    assert {figure["key"]: figure["value"] for figure in body["figures"] if figure["key"] in LABELS} == {
        **NOTHING,
        "forming_clusters": 1,
        "case_studies": 1,
    }


@pytest.mark.parametrize("key", list(LABELS))
def test_every_figure_has_a_readable_label(client, site_tree, key):
    response = client.get("/en/")
    labels = {figure.key: str(figure.label) for figure in response.context["figures"]}
    assert labels[key] == LABELS[key]
