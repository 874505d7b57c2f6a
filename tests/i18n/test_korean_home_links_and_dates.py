"""The Korean home links to the Korean pages its content names (the hero's call to action and the featured
clusters are chosen as English pages) and writes dates as Korean readers expect ("2027년 3월 17일")."""

import datetime

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from home.models import HomeFeaturedCluster
from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean_home(forms, site_tree):
    home = site_tree.home
    home.hero_cta_page = Page.objects.get(slug="join", locale__language_code="en")
    home.hero_cta_label = "How to join"
    home.save_revision().publish()
    HomeFeaturedCluster.objects.create(page=home, cluster=forms.active_cluster, sort_order=0)
    EventPageFactory(
        parent=site_tree.events,
        title="Mobility summit",
        start_date=datetime.date(2027, 3, 17),
        end_date=datetime.date(2027, 3, 17),
        related_clusters=[forms.active_cluster],
    )
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    return site_tree


def _soup(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_the_korean_home_links_to_korean_pages(client, korean_home):
    home = _soup(client, "/ko/")

    assert home.select_one(".hero a.button")["href"] == "/ko/join/"
    featured = [a["href"] for a in home.select("#clusters-heading ~ * .card__title a, .card__title a")]
    assert featured and all(href.startswith("/ko/") for href in featured), featured

    english = _soup(client, "/en/")
    assert english.select_one(".hero a.button")["href"] == "/en/join/"


@pytest.mark.parametrize("url", ["/ko/", "/ko/events/"])
def test_korean_event_cards_write_korean_dates(client, korean_home, url):
    dates = [span.get_text(" ", strip=True) for span in _soup(client, url).select(".card__date")]

    assert "2027년 3월 17일" in dates, dates


def test_the_korean_event_page_links_to_the_korean_cluster(client, korean_home):
    event = _soup(client, "/ko/events/mobility-summit/")

    cluster_links = [a["href"] for a in event.select("main a[href*='/clusters/']")]
    assert cluster_links and all(href.startswith("/ko/") for href in cluster_links), cluster_links
