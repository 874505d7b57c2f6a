"""A Korean visitor's "Join this cluster" leads to the city form in Korean with that cluster chosen, and the form
offers each cluster once: as the English page, which applications record and leaders are granted, not once more
per translation."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

from cluster_pages.models import CityApplication

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def test_join_from_a_korean_cluster_page_stays_in_korean_with_the_cluster_chosen(client, korean_tree):
    english_cluster = korean_tree.active_cluster
    korean_cluster = english_cluster.get_translation(Locale.objects.get(language_code="ko"))

    cluster_page = _soup(client.get(korean_cluster.url))
    (join_href,) = {a["href"] for a in cluster_page.select("main a[href*='cluster=']") if "/join/city/" in a["href"]}
    assert join_href.startswith("/ko/"), join_href

    form = _soup(client.get(join_href))
    ticked = [box["value"] for box in form.find_all("input", attrs={"name": "clusters", "checked": True})]
    assert ticked == [str(english_cluster.pk)]


def test_the_korean_form_offers_each_cluster_once_and_records_the_english_page(client, korean_tree):
    form = _soup(client.get("/ko/join/city/"))
    offered = [box["value"] for box in form.find_all("input", attrs={"name": "clusters"})]
    assert sorted(offered) == sorted([str(korean_tree.active_cluster.pk), str(korean_tree.forming_cluster.pk)])

    client.post("/ko/join/city/", city_data(korean_tree))

    assert list(CityApplication.objects.get().clusters.all()) == [korean_tree.active_cluster]
