"""A Korean page's ways in stay Korean: the Korean home's featured clusters are the Korean cluster pages, a Korean
cluster page's "Join this cluster" opens the Korean form with that cluster ticked, and the forms offer each
cluster once (a translated cluster page is the same cluster as its original)."""

import re

import pytest
from django.utils import translation

from home.models import HomeFeaturedCluster

pytestmark = pytest.mark.django_db


@pytest.fixture
def featured(korean_tree):
    home = korean_tree.join.get_parent().specific
    home.featured_clusters.add(HomeFeaturedCluster(cluster=korean_tree.active_cluster))
    home.save_revision().publish()
    return korean_tree


def test_the_korean_home_features_the_korean_cluster_pages(client, featured):
    html = client.get("/ko/").content.decode()

    assert 'href="/ko/clusters/smart-mobility/"' in html
    assert 'href="/en/clusters/smart-mobility/"' not in html


def test_join_this_cluster_on_a_korean_cluster_page_opens_the_korean_form_with_the_cluster_ticked(client, featured):
    with translation.override("ko"):
        label = translation.gettext("Join this cluster")
    html = client.get("/ko/clusters/smart-mobility/").content.decode()
    join = re.search(rf'<a class="button button--large" href="([^"]+)">{label}</a>', html).group(1)

    assert join.startswith("/ko/join/city/?cluster=")
    form = client.get(join).content.decode()  # the Korean cluster page's original, which the form offers, is ticked
    assert re.search(rf'name="clusters" value="{featured.active_cluster.pk}"[^>]*checked', form)


@pytest.mark.parametrize("path", ["/en/join/city/", "/ko/join/city/", "/ko/join/partner/"])
def test_the_forms_offer_each_cluster_once(client, korean_tree, path):
    html = client.get(path).content.decode()

    offered = re.findall(r'name="(?:clusters|themes)" value="(\d+)"', html)
    assert sorted(map(int, offered)) == sorted([korean_tree.active_cluster.pk, korean_tree.forming_cluster.pk])
