"""Site search finds clusters, events and case studies by the words in their summaries."""

import pytest

from .factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory, build_site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        yield {
            "tree": tree,
            "cluster": ThematicClusterPageFactory(
                parent=tree.clusters, title="Smart mobility", summary="Cities sharing congestion pricing experience."
            ),
            "event": EventPageFactory(
                parent=tree.events, title="Tech jam", summary="A hackathon about floodwater sensors."
            ),
            "case_study": CaseStudyPageFactory(
                parent=tree.case_studies,
                title="Remote care in Seoul",
                summary="Telemedicine kiosks for elderly residents.",
            ),
            "draft": CaseStudyPageFactory(
                parent=tree.case_studies, title="Unreviewed", summary="Telemedicine drafts.", live=False
            ),
        }


def result_titles(response):
    return [page.title for page in response.context["search_results"]]


@pytest.mark.parametrize(
    ("term", "title"),
    [("congestion", "Smart mobility"), ("floodwater", "Tech jam"), ("telemedicine", "Remote care in Seoul")],
    ids=["cluster", "event", "case-study"],
)
def test_a_word_from_a_summary_finds_its_page(client, content, term, title):
    response = client.get("/en/search/", {"query": term})

    assert response.status_code == 200
    assert result_titles(response) == [title]
    assert title in response.content.decode()
    assert "1 result for" in response.content.decode()


def test_results_are_the_specific_pages_with_their_urls(client, content):
    response = client.get("/en/search/", {"query": "floodwater"})

    [event] = response.context["search_results"]
    assert event.specific_class.__name__ == "EventPage"
    assert f'href="{content["event"].url}"' in response.content.decode()


def test_draft_pages_are_not_found(client, content):
    response = client.get("/en/search/", {"query": "telemedicine"})

    assert "Unreviewed" not in result_titles(response)


def test_an_empty_query_shows_the_form_and_no_results(client, content):
    response = client.get("/en/search/", {"query": "   "})

    assert response.status_code == 200
    assert response.context["search_query"] == ""
    assert result_titles(response) == []
    html = response.content.decode()
    assert 'name="query"' in html
    assert "results for" not in html


def test_no_query_at_all_shows_the_form(client, content):
    response = client.get("/en/search/")

    assert response.status_code == 200
    assert result_titles(response) == []


def test_a_word_found_nowhere_says_so(client, content):
    response = client.get("/en/search/", {"query": "zeppelin"})

    assert response.status_code == 200
    assert result_titles(response) == []
    assert "No results" in response.content.decode()


def test_a_bad_page_number_still_shows_results(client, content):
    response = client.get("/en/search/", {"query": "congestion", "page": "abc"})

    assert response.status_code == 200
    assert result_titles(response) == ["Smart mobility"]
