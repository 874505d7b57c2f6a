"""The case-study page filters by cluster, country and status, pages by twelve and keeps filters across pages."""

from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from cluster_pages.models.case_studies import ProjectStatus

from .factories import CaseStudyPageFactory, ThematicClusterPageFactory, build_site_tree

pytestmark = pytest.mark.django_db

ONGOING, COMPLETED = ProjectStatus.ONGOING, ProjectStatus.COMPLETED
EXTRA_MOBILITY_STUDIES = 13  # with the two named ones, more than one page of mobility case studies


@pytest.fixture(scope="module")
def library(shared_data):
    with shared_data():
        tree = build_site_tree()
        mobility = ThematicClusterPageFactory(parent=tree.clusters, title="Smart mobility")
        health = ThematicClusterPageFactory(parent=tree.clusters, title="Smart health")
        index = tree.case_studies

        def study(title, cluster, country, status, year):
            return CaseStudyPageFactory(
                parent=index, title=title, cluster=cluster, country=country, project_status=status, year=year
            )

        study("Seoul smart traffic lights", mobility, "KR", COMPLETED, 2023)
        study("Seoul remote care", health, "KR", ONGOING, 2024)
        study("Madrid on-demand buses", mobility, "ES", ONGOING, 2022)
        study("Madrid clinic wait times", health, "ES", COMPLETED, 2021)
        for number in range(EXTRA_MOBILITY_STUDIES):
            study(f"Mexico City cycling lane {number:02}", mobility, "MX", ONGOING, 2010)
        yield {"tree": tree, "mobility": mobility, "health": health}


def titles(response):
    return [case_study.title for case_study in response.context["case_studies"]]


def count(response):
    return response.context["page_obj"].paginator.count


def test_case_studies_are_listed_newest_project_first_twelve_per_page(client, library):
    response = client.get("/en/case-studies/")

    assert response.status_code == 200
    assert count(response) == 4 + EXTRA_MOBILITY_STUDIES
    assert titles(response)[:4] == [
        "Seoul remote care",
        "Seoul smart traffic lights",
        "Madrid on-demand buses",
        "Madrid clinic wait times",
    ]
    assert len(titles(response)) == 12
    assert "17 case studies" in response.content.decode()


def test_filtering_by_cluster(client, library):
    response = client.get("/en/case-studies/", {"cluster": library["health"].pk})

    assert titles(response) == ["Seoul remote care", "Madrid clinic wait times"]
    assert not response.context["filter"].errors


def test_filtering_by_country(client, library):
    response = client.get("/en/case-studies/", {"country": "ES"})

    assert titles(response) == ["Madrid on-demand buses", "Madrid clinic wait times"]


def test_filtering_by_status(client, library):
    response = client.get("/en/case-studies/", {"status": COMPLETED})

    assert titles(response) == ["Seoul smart traffic lights", "Madrid clinic wait times"]
    html = response.content.decode()
    assert "Seoul smart traffic lights" in html
    assert "Seoul remote care" not in html


def test_cluster_country_and_status_filters_combine(client, library):
    response = client.get(
        "/en/case-studies/", {"cluster": library["mobility"].pk, "country": "KR", "status": COMPLETED}
    )
    assert titles(response) == ["Seoul smart traffic lights"]

    response = client.get("/en/case-studies/", {"cluster": library["health"].pk, "country": "MX"})
    assert titles(response) == []
    assert "No case studies match these filters." in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        {"cluster": "abc"},
        {"cluster": "999999"},
        {"country": "XX"},
        {"status": "abandoned"},
        {"status": "abandoned", "country": "KR"},
    ],
    ids=["cluster-not-a-number", "cluster-does-not-exist", "unknown-country", "unknown-status", "bad-with-good"],
)
def test_a_bad_filter_value_shows_the_full_list_and_marks_the_form_invalid(client, library, query):
    response = client.get("/en/case-studies/", query)

    assert response.status_code == 200
    assert count(response) == 4 + EXTRA_MOBILITY_STUDIES
    assert response.context["filter"].errors
    assert "A filter value is not valid" in response.content.decode()


def test_the_second_page_shows_the_rest(client, library):
    response = client.get("/en/case-studies/", {"page": 2})

    assert len(titles(response)) == 4 + EXTRA_MOBILITY_STUDIES - 12
    assert response.context["page_obj"].number == 2


def test_a_page_number_out_of_range_shows_the_last_page(client, library):
    response = client.get("/en/case-studies/", {"page": 99})

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2


def test_page_links_keep_the_filters(client, library):
    mobility = library["mobility"].pk
    response = client.get("/en/case-studies/", {"cluster": mobility, "status": ONGOING})
    assert count(response) == 1 + EXTRA_MOBILITY_STUDIES
    assert response.context["query"] == f"cluster={mobility}&status=ongoing"

    next_link = BeautifulSoup(response.content, "html.parser").find("a", rel="next")
    assert next_link is not None, "a 'Next' link is shown when the filtered list has a second page"
    query = parse_qs(urlsplit(next_link["href"]).query)
    assert query == {"cluster": [str(mobility)], "status": ["ongoing"], "page": ["2"]}

    second_page = client.get("/en/case-studies/" + next_link["href"])
    assert titles(second_page) == ["Mexico City cycling lane 11", "Mexico City cycling lane 12"]
    previous_link = BeautifulSoup(second_page.content, "html.parser").find("a", rel="prev")
    assert parse_qs(urlsplit(previous_link["href"]).query)["cluster"] == [str(mobility)]


def test_draft_case_studies_are_not_listed(client, library):
    CaseStudyPageFactory(parent=library["tree"].case_studies, title="Unreviewed study", year=2030, live=False)

    response = client.get("/en/case-studies/")

    assert "Unreviewed study" not in titles(response)
    assert count(response) == 4 + EXTRA_MOBILITY_STUDIES
