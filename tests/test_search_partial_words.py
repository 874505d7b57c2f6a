"""Site search matches the start of a word (as people type) and finds pages by the names of their contacts."""

import pytest

from .factories import (
    CaseStudyPageFactory,
    ContactFactory,
    EventPageFactory,
    PersonFactory,
    StandardPageFactory,
    ThematicClusterPageFactory,
    build_site_tree,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        ContactFactory(name="Soo-min Jung", topic="Membership questions")
        ThematicClusterPageFactory(
            parent=tree.clusters,
            title="Smart mobility",
            summary="Cities sharing congestion pricing experience.",
            leader=PersonFactory(name="Adaeze Okonkwo"),
        )
        EventPageFactory(parent=tree.events, title="Tech jam", summary="A hackathon about floodwater sensors.")
        CaseStudyPageFactory(parent=tree.case_studies, title="Remote care", city="Ulaanbaatar", summary="Kiosks.")
        StandardPageFactory(parent=tree.home, title="How to join", show_contacts=True)
        yield tree


def result_titles(client, query):
    response = client.get("/en/search/", {"query": query})
    assert response.status_code == 200
    return [page.title for page in response.context["search_results"]]


@pytest.mark.parametrize(
    ("query", "title"),
    [("mobil", "Smart mobility"), ("congest", "Smart mobility"), ("floodw", "Tech jam"), ("ulaan", "Remote care")],
    ids=["title", "summary", "event-summary", "case-study-city"],
)
def test_the_start_of_a_word_finds_its_page(client, content, query, title):
    assert result_titles(client, query) == [title]


def test_a_whole_word_then_a_partial_one_finds_the_page(client, content):
    assert result_titles(client, "smart mobil")[0] == "Smart mobility"


def test_a_cluster_is_found_by_its_leaders_name(client, content):
    assert result_titles(client, "Okonkwo") == ["Smart mobility"]
    assert result_titles(client, "adaeze okon") == ["Smart mobility"]


def test_the_page_listing_the_contacts_is_found_by_a_contacts_name(client, content):
    assert result_titles(client, "Jung") == ["How to join"]


@pytest.mark.parametrize("query", ['"', "*", "mobil*", "(", "-", "a OR", "NEAR(", "ü", "'"])
def test_punctuation_and_search_syntax_are_answered_not_errors(client, content, query):
    response = client.get("/en/search/", {"query": query})

    assert response.status_code == 200
