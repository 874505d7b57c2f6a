"""Cards of events, clusters and case studies show their page's image, or the drawn illustration of their kind
when a page has none (never an empty grey box); event and case-study pages show the image at their top."""

import pytest
import wagtail_factories
from bs4 import BeautifulSoup

from tests.factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory

pytestmark = pytest.mark.django_db


def card_image(client, url, title):
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    [card] = [card for card in soup.select("article.card") if card.find("h3").get_text(strip=True) == title]
    image = card.select_one(".card__media img")
    assert image is not None, f"the card of {title!r} has no picture"
    assert image["alt"] == ""  # decorative: the card's title names the page
    return image


@pytest.fixture
def photo():
    return wagtail_factories.ImageFactory(title="Bus stop on the corridor")


def test_an_event_card_shows_the_events_image(client, site_tree, photo):
    EventPageFactory(parent=site_tree.events, title="Mobility forum", listing_image=photo)

    image = card_image(client, "/en/events/", "Mobility forum")

    assert "/images/" in image["src"] and "fill-640x360" in image["src"]


def test_a_card_without_an_image_shows_the_illustration_of_its_kind(client, site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Water")
    EventPageFactory(parent=site_tree.events, title="Water day")
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Leak sensors", cluster=cluster)

    assert card_image(client, "/en/events/", "Water day")["src"].endswith("img/cards/event.svg")
    assert card_image(client, "/en/clusters/", "Smart Water")["src"].endswith("img/cards/cluster.svg")
    assert card_image(client, "/en/case-studies/", "Leak sensors")["src"].endswith("img/cards/case-study.svg")


def test_cluster_and_case_study_cards_show_their_pages_image(client, site_tree, photo):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", listing_image=photo)
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Bus lanes", cluster=cluster, listing_image=photo)

    assert "/images/" in card_image(client, "/en/clusters/", "Smart Mobility")["src"]
    assert "/images/" in card_image(client, "/en/case-studies/", "Bus lanes")["src"]


def test_event_and_case_study_pages_show_their_image_beside_the_title(client, site_tree, photo):
    event = EventPageFactory(parent=site_tree.events, title="Mobility forum", listing_image=photo)
    case_study = CaseStudyPageFactory(parent=site_tree.case_studies, title="Bus lanes", listing_image=photo)

    for page in (event, case_study):
        soup = BeautifulSoup(client.get(page.url).content, "html.parser")
        header = soup.select_one(".detail__header--with-image")
        assert header.find("h1").get_text(strip=True) == page.title
        assert header.select_one(".detail__image img")["alt"] == ""
