"""The hostile corpus against the member directory's filters, on the page and in the API: an odd cluster id, an odd
search or a value no choice has is an invalid filter (the page shows everything with a message; the API answers a
400 problem), never a server error, and nothing of it comes back unescaped."""

import pytest

from cluster_pages.models import DirectoryPage
from tests.activation.conftest import city_application
from tests.factories import ThematicClusterPageFactory

from .corpus import ODD_IDS, ODD_SEARCHES

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory_page(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility")
    city_application(city="Seoul", country="KR", state="active", assigned_to=cluster, latitude=37.5, longitude=127.0)
    page = DirectoryPage(title="Member directory", slug="members")
    site_tree.home.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("value", ODD_IDS)
@pytest.mark.parametrize("name", ["cluster", "country", "type"])
def test_an_odd_filter_value_is_an_invalid_filter_on_the_page_and_a_problem_in_the_api(
    client, directory_page, name, value
):
    page = client.get("/en/members/", {name: value})
    api = client.get("/api/v3/directory/", {name: value})

    assert page.status_code == 200
    assert "A filter value is not valid" in page.content.decode()
    assert "Seoul" in page.content.decode()
    assert api.status_code == 400 and api["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("query", ODD_SEARCHES)
def test_an_odd_search_is_plain_words_and_comes_back_escaped(client, directory_page, query):
    page = client.get("/en/members/", {"q": query})
    api = client.get("/api/v3/directory/", {"q": query})

    assert page.status_code == 200
    assert api.status_code in (200, 400)
    if "<" in query:
        assert query not in page.content.decode()
