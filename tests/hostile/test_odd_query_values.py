"""Odd values in query strings and forms (an id too large for the database, a digit that is not ASCII, a search
that is a syntax error to the search engine): a 400 or the value ignored, never a 500 nor a "briefly
unavailable" 503."""

import pytest
from wagtail.models import Page
from wagtail.search.utils import parse_query_string

from tests.factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory

from .corpus import ODD_IDS, ODD_SEARCHES

pytestmark = pytest.mark.django_db


@pytest.fixture
def listings(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility")
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Seoul traffic lights", cluster=cluster)
    EventPageFactory(parent=site_tree.events, title="Mobility forum", related_clusters=[cluster])
    return cluster


@pytest.mark.parametrize("value", ODD_IDS)
@pytest.mark.parametrize("listing", ["/en/case-studies/", "/en/events/"])
def test_an_odd_cluster_id_on_a_listing_is_an_invalid_filter_not_a_server_error(client, listings, listing, value):
    response = client.get(listing, {"cluster": value})

    assert response.status_code == 200
    assert "A filter value is not valid" in response.content.decode()


@pytest.mark.parametrize("query", ODD_SEARCHES)
def test_a_search_the_engine_cannot_parse_is_answered_as_plain_words(client, listings, query):
    response = client.get("/api/v3/pages/", {"search": query})

    assert response.status_code in (200, 400), response.content[:300]
    assert "Retry-After" not in response


def test_a_search_that_is_not_utf8_is_answered_too(client, listings):
    response = client.get("/api/v3/pages/?search=%ED%A0%80%FF")

    assert response.status_code in (200, 400), response.content[:300]


def test_a_search_with_quotes_still_finds_the_words(client, listings):
    response = client.get("/api/v3/pages/", {"search": 'traffic"lights'})

    assert response.status_code == 200
    assert "Seoul traffic lights" in [item["title"] for item in response.json()["items"]]


ADMIN_SEARCHES = [
    "/admin/pages/search/",
    "/admin/images/chooser/results/",
    "/admin/documents/chooser/results/",
    "/admin/snippets/choose/cluster_pages/person/results/",
]


@pytest.mark.parametrize("query", ["a\x00b", '"', 'a"b', "\x00"])
@pytest.mark.parametrize("url", ADMIN_SEARCHES)
def test_an_admin_search_the_engine_cannot_parse_is_answered_not_a_server_error(
    client, listings, superuser, url, query
):
    client.force_login(superuser)

    response = client.get(url, {"q": query})

    assert response.status_code == 200, response.content[:300]


@pytest.mark.parametrize(
    "query", [*ODD_SEARCHES, pytest.param("a\x00b", id="nul-inside"), pytest.param('"a\x00b" c', id="nul-in-phrase")]
)
def test_a_search_parsed_as_the_admin_parses_it_is_answered_as_plain_words(listings, query):
    _filters, parsed = parse_query_string(query)

    assert list(Page.objects.search(parsed)) is not None


def test_a_parsed_search_with_quotes_still_finds_the_words(listings):
    _filters, parsed = parse_query_string('"traffic lights\x00" seoul')

    assert "Seoul traffic lights" in [page.title for page in Page.objects.search(parsed)]
