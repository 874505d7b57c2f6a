"""Switching language keeps the address's query string: the city form's preselected cluster stays chosen, and
the Korean form accepts the English page's id (and the English form the Korean page's)."""

import re

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale

pytestmark = pytest.mark.django_db


def _korean_link(client, url: str) -> str:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return soup.select_one("nav.language-switcher a[hreflang='ko']")["href"]


def _ticked(client, url: str) -> list[str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [box["value"] for box in soup.find_all("input", attrs={"name": "clusters", "checked": True})]


def test_switching_language_on_the_city_form_keeps_the_chosen_cluster(client, korean_tree):
    cluster = korean_tree.active_cluster

    korean = _korean_link(client, f"/en/join/city/?cluster={cluster.pk}")

    assert korean == f"/ko/join/city/?cluster={cluster.pk}"
    assert _ticked(client, korean) == [str(cluster.pk)]


def test_either_languages_cluster_id_chooses_the_cluster(client, korean_tree):
    cluster = korean_tree.active_cluster
    korean_cluster = cluster.get_translation(Locale.objects.get(language_code="ko"))

    assert _ticked(client, f"/en/join/city/?cluster={korean_cluster.pk}") == [str(cluster.pk)]
    assert _ticked(client, f"/ko/join/city/?cluster={cluster.pk}") == [str(cluster.pk)]


def test_without_a_query_the_links_are_unchanged(client, korean_tree):
    client.get("/en/join/city/?cluster=1")  # a cached part must not keep the last visitor's query

    assert not re.search(r"\?", _korean_link(client, "/en/join/city/"))
