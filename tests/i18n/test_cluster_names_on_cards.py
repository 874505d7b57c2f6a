"""A case study's card names its cluster in the visitor's language (the cluster's translation, else its English
title), on the home page and in the case-study listing, in the same query that lists the cards."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from tests.factories import CaseStudyPageFactory, ThematicClusterPageFactory

pytestmark = pytest.mark.django_db
KOREAN_TITLE = "스마트 모빌리티"


@pytest.fixture
def case_studies(site_tree):
    """Two case studies, one per cluster; the Korean tree synchronised, only Smart Mobility translated."""
    mobility = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility")
    water = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Water")
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Bus lanes", cluster=mobility)
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Leak sensors", cluster=water)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = mobility.get_translation(Locale.objects.get(language_code="ko"))
    Page.objects.filter(pk=korean.pk).update(title=KOREAN_TITLE, alias_of=None)


def card_clusters(client, url: str) -> list[str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return sorted(p.get_text(strip=True) for p in soup.select(".card--case-study .card__cluster"))


@pytest.mark.parametrize("path", ["", "case-studies/"])
def test_case_study_cards_name_the_cluster_in_the_visitors_language(client, case_studies, path):
    assert card_clusters(client, f"/ko/{path}") == sorted([f"클러스터: {KOREAN_TITLE}", "클러스터: Smart Water"])
    assert card_clusters(client, f"/en/{path}") == ["Cluster: Smart Mobility", "Cluster: Smart Water"]
