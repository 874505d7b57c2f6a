"""The directory's filters (cluster, country, type, search) narrow the list and the map; an invalid value shows
the whole list with a message rather than an error."""

import pytest
from bs4 import BeautifulSoup

from tests.activation.conftest import city_application, company_registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def members(clusters, activate, directory_page):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Busan", country="KR"), clusters.water)
    activate(city_application(city="Tallinn", country="EE"), clusters.mobility)
    activate(company_registration(name="Urban Sensors GmbH", country="DE"), clusters.mobility)
    activate(company_registration(name="KAIST", country="KR", organisation_type="academic"), clusters.water)
    return clusters


def names(client, query: str) -> list[str]:
    response = client.get(f"/en/members/?{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [heading.get_text(strip=True) for heading in soup.select(".directory-entry__name")]


def test_filtering_by_cluster_and_country(client, members):
    assert names(client, f"cluster={members.mobility.pk}") == ["Seoul", "Tallinn", "Urban Sensors GmbH"]
    assert names(client, f"cluster={members.mobility.pk}&country=KR") == ["Seoul"]
    assert names(client, f"cluster={members.water.pk}") == ["Busan", "KAIST"]


def test_filtering_by_type(client, members):
    assert names(client, "type=company") == ["Urban Sensors GmbH"]
    assert names(client, "type=academic") == ["KAIST"]
    assert names(client, "type=city") == ["Busan", "Seoul", "Tallinn"]


def test_a_partner_shows_its_organisation_type(client, members):
    soup = BeautifulSoup(client.get("/en/members/?type=academic").content, "html.parser")
    assert "University or research institute" in soup.select_one(".directory-entry").get_text(" ", strip=True)


def test_searching_matches_every_word_in_name_city_or_country(client, members):
    assert names(client, "q=korea") == ["Busan", "KAIST", "Seoul"]
    assert names(client, "q=SEOUL+korea") == ["Seoul"]
    assert names(client, "q=nowhere") == []


def test_the_map_follows_the_filters(client, members):
    response = client.get("/en/members/?country=EE")
    markers = BeautifulSoup(response.content, "html.parser").select("a.directory-map__marker")
    assert [marker["aria-label"] for marker in markers] == ["Tallinn, Estonia"]


@pytest.mark.parametrize(
    "query",
    ["cluster=abc", "cluster=999999999999999999999999", "country=%27%3B--", "type=<script>", "q=" + "x" * 500],
)
def test_an_invalid_filter_value_shows_the_whole_list_with_a_message(client, members, query):
    response = client.get(f"/en/members/?{query}")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    assert soup.select_one(".filter-form__error") is not None
    assert len(soup.select(".directory-entry")) == 5
    assert "<script>" not in response.content.decode().split("</h1>", 1)[1].split('name="type"')[0]


@pytest.mark.parametrize("query", ["cluster=abc", "type=nope", "q=" + "x" * 500, "locale=xx"])
def test_the_api_answers_an_invalid_filter_with_a_problem(client, members, query):
    response = client.get(f"/api/v3/directory/?{query}")
    assert response.status_code == 400
    assert response["Content-Type"].startswith("application/problem+json")
