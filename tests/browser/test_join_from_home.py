"""A visitor goes from the home page to a cluster and joins it: the city form opens with that cluster ticked."""

import pytest
from playwright.sync_api import expect

from home.models import HomeFeaturedCluster

from ..site_forms.support import build_forms
from .conftest import BROWSER

pytestmark = BROWSER


@pytest.fixture
def forms(site_tree):
    forms = build_forms(site_tree)
    site_tree.home.featured_clusters.add(HomeFeaturedCluster(cluster=forms.active_cluster))
    site_tree.home.save()
    return forms


def test_join_this_cluster_from_the_home_page_opens_the_city_form_with_the_cluster_ticked(forms, live_server, page):
    page.goto(f"{live_server.url}/")
    page.get_by_role("link", name="Smart Mobility").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Smart Mobility")

    page.get_by_role("link", name="Join this cluster").first.click()

    expect(page.get_by_role("heading", level=1)).to_have_text(forms.city.title)
    assert page.url.startswith(f"{live_server.url}{forms.city.url}")
    expect(page.get_by_role("checkbox", name="Smart Mobility")).to_be_checked()
    expect(page.get_by_role("checkbox", name="Smart Utility (forming)")).not_to_be_checked()
