"""Editors choose, order and prune the home page's figures: live ones and figures with a year and a source, shown
so that nobody takes a typed figure for a live count; the grid never leaves one tile alone on a wide screen's last
row; a home page made before (or without a choice) shows the seven figures it always showed, in the same order."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from cluster_pages.templatetags.figure_tags import figure_columns
from home.models import DEFAULT_FIGURES, HomePage
from tests.factories import CaseStudyPageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

SEVEN = [
    "Participating cities",
    "Active clusters",
    "Partner organisations",
    "Countries represented",
    "Clusters forming",
    "Upcoming events",
    "Best-practice case studies",
]
GCTC = {
    "value": "120",
    "label": "Cities in GCTC action clusters",
    "year": 2017,
    "source_url": "https://pages.nist.gov/GCTC/",
    "source_name": "NIST",
}


def shown(client, path="/en/"):
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    return soup, [dt.get_text(strip=True) for dt in soup.select(".figure-list dt")]


def set_figures(home, figures):
    home.figure_blocks = figures
    home.save_revision().publish()


def test_a_home_page_without_a_choice_shows_the_seven_figures_in_their_usual_order(client, site_tree):
    assert [value["figure"] for _type, value in DEFAULT_FIGURES] == [
        "participating_cities",
        "active_clusters",
        "partner_companies",
        "countries",
        "forming_clusters",
        "upcoming_events",
        "case_studies",
    ]
    assert [block.value["figure"] for block in HomePage(title="New home").figure_blocks][:1] == ["participating_cities"]

    _soup, labels = shown(client)

    assert labels == SEVEN


def test_editors_order_and_prune_the_live_figures_and_rename_one(client, site_tree):
    CaseStudyPageFactory(parent=site_tree.case_studies)
    set_figures(
        site_tree.home,
        [
            ("live_figure", {"figure": "case_studies", "caption": "Stories told"}),
            ("live_figure", {"figure": "active_clusters", "caption": ""}),
        ],
    )

    soup, labels = shown(client)

    assert labels == ["Stories told", "Active clusters"]
    assert soup.find("dt", string="Stories told").find_next_sibling("dd").get_text(strip=True) == "1"
    assert soup.select_one(".figure-list")["class"] == ["figure-list", "figure-list--columns-2"]
    assert soup.select_one(".figure-list__note") is None  # nothing typed: no need to say which are live


def test_without_figures_the_section_is_not_shown(client, site_tree):
    set_figures(site_tree.home, [])

    soup, labels = shown(client)

    assert labels == [] and soup.find(id="figures-heading") is None


def test_a_figure_with_a_year_shows_its_year_and_source_and_the_list_says_which_are_live(client, site_tree):
    set_figures(site_tree.home, [("live_figure", {"figure": "active_clusters", "caption": ""}), ("year_figure", GCTC)])

    soup, labels = shown(client)

    assert labels == ["Active clusters", "Cities in GCTC action clusters"]
    item = soup.select_one(".figure-list__item--dated")
    assert item.select_one(".figure-list__number").get_text(strip=True) == "120"
    dated = item.select_one(".figure-list__dated")
    assert " ".join(dated.get_text(" ", strip=True).split()) == "Figure recorded in 2017 · NIST"
    assert dated.select_one(".visually-hidden").get_text(strip=True) == "Figure recorded in"
    assert dated.find("a", string="NIST")["href"] == "https://pages.nist.gov/GCTC/"
    assert "counted live" in soup.select_one(".figure-list__note").get_text()


def test_a_figure_with_a_year_and_no_source_name_links_the_word_source_in_the_readers_language(client, site_tree):
    set_figures(site_tree.home, [("year_figure", {**GCTC, "source_name": ""})])

    assert shown(client)[0].select_one(".figure-list__dated a").get_text() == "source"
    with translation.override("ko"):
        assert translation.gettext("source") == "출처"


def test_the_api_gives_the_figures_in_the_editors_order_with_the_year_and_source_of_typed_ones(client, site_tree):
    set_figures(site_tree.home, [("year_figure", GCTC), ("live_figure", {"figure": "case_studies", "caption": ""})])

    body = client.get(f"/api/v3/pages/{site_tree.home.pk}/").json()

    assert body["figures"] == [
        {"key": None, **GCTC},
        {"key": "case_studies", "label": "Best-practice case studies", "value": 0},
    ]


def test_a_figure_with_a_year_on_a_content_page_renders_with_its_year(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="GCTC", slug="gctc", body=[("year_figure", GCTC)])

    soup = BeautifulSoup(client.get("/en/gctc/").content, "html.parser")

    item = soup.select_one(".figure-list--single .figure-list__item--dated")
    assert item.select_one("dt").get_text(strip=True) == "Cities in GCTC action clusters"
    assert "2017" in item.select_one(".figure-list__dated").get_text()


@pytest.mark.parametrize(
    ("tiles", "columns"), [(1, 1), (2, 2), (4, 4), (5, 5), (6, 3), (7, 4), (8, 4), (9, 3), (10, 5), (11, 4), (13, 5)]
)
def test_the_grid_never_leaves_one_tile_alone_on_the_last_row_at_1280_px(tiles, columns):
    assert figure_columns(tiles) == columns
    assert tiles % columns != 1 or columns == 1
