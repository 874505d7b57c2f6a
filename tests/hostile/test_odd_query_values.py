"""Odd values in query strings and forms (an id too large for the database, a digit that is not ASCII, a search
that is a syntax error to the search engine): a 400 or the value ignored, never a 500 nor a "briefly
unavailable" 503."""

import pytest

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
