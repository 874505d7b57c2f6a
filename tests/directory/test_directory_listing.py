"""/members/ lists the active member cities and partner organisations that agreed to be listed, and only them;
its counts add up to the home page's figures; ending a membership or withdrawing removes the entry at once."""

import pytest
from bs4 import BeautifulSoup

from cluster_pages.directory.selectors import directory
from cluster_pages.directory.services import listing_consent_set
from cluster_pages.figures import membership_figures
from tests.activation.conftest import city_application, company_registration

pytestmark = pytest.mark.django_db


def page_of(client, url="/en/members/"):
    response = client.get(url)
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


def entry_names(soup) -> list[str]:
    return [heading.get_text(strip=True) for heading in soup.select(".directory-entry__name")]


def marker_names(soup) -> list[str]:
    return [marker["aria-label"] for marker in soup.select("a.directory-map__marker")]


def test_a_consenting_member_city_is_listed_with_its_country_type_and_cluster(
    client, clusters, activate, directory_page
):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)

    soup = page_of(client)

    entry = soup.select_one(".directory-entry")
    text = entry.get_text(" ", strip=True)
    assert entry_names(soup) == ["Seoul"]
    assert "South Korea" in text and "City" in text and "Smart Mobility" in text


def test_a_member_who_did_not_consent_is_nowhere_on_the_page_the_map_or_the_api(
    client, clusters, activate, directory_page
):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    activate(company_registration(name="MoveWell Ltd", consent=False), clusters.mobility)

    response = client.get("/en/members/")
    api = client.get("/api/v3/directory/")

    assert "Lima" not in response.content.decode() and "MoveWell" not in response.content.decode()
    assert marker_names(BeautifulSoup(response.content, "html.parser")) == ["Seoul, South Korea"]
    assert [item["name"] for item in api.json()["items"]] == ["Seoul"]
    assert "Lima" not in api.content.decode() and "MoveWell" not in api.content.decode()


def test_the_counts_add_up_to_the_home_page_figures_and_say_how_many_are_not_listed(
    client, clusters, activate, directory_page
):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="seoul ", country="KR", email="other@seoul.example.org"), clusters.water)
    activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    activate(company_registration(name="Urban Sensors GmbH"), clusters.mobility)
    activate(company_registration(name="MoveWell Ltd", consent=False), clusters.mobility)

    found = directory()
    figures = membership_figures()
    text = page_of(client).select_one(".directory-counts").get_text(" ", strip=True)

    assert (found.total_cities, found.total_partners) == (figures["participating_cities"], figures["partner_companies"])
    assert (found.listed_cities, found.listed_partners, found.unlisted) == (1, 1, 2)
    assert "1 of 2 member cities are listed." in text
    assert "1 of 2 partner organisations are listed." in text
    assert "2 more take part without being listed." in text


def test_a_city_in_two_clusters_is_one_entry_naming_both(client, clusters, activate, directory_page):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Seoul", country="KR", email="water@seoul.example.org"), clusters.water)

    entry = page_of(client).select_one(".directory-entry")

    assert entry_names(page_of(client)) == ["Seoul"]
    assert "Smart Mobility, Water" in entry.get_text(" ", strip=True)


def test_the_project_title_is_shown_only_with_its_own_consent(client, clusters, activate, directory_page):
    activate(city_application(city="Seoul", country="KR", project_title="Mobility data hub"), clusters.mobility)
    activate(
        city_application(city="Tallinn", country="EE", project_title="Once-only", consent_project_title=True),
        clusters.mobility,
    )

    text = page_of(client).get_text(" ", strip=True)

    assert "Once-only" in text
    assert "Mobility data hub" not in text


@pytest.fixture(params=[0, 300], ids=["page-cache-off", "page-cache-on"])
def page_cache(request, settings):
    """Both ways: the directory's own cache alone, and behind the whole-page cache for anonymous readers."""
    settings.PAGE_CACHE_SECONDS = request.param


def test_ending_a_membership_removes_the_entry_at_once_cache_included(
    client, clusters, activate, end, directory_page, page_cache
):
    application = activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    assert entry_names(page_of(client)) == ["Seoul"]  # now cached

    end(application)

    assert entry_names(page_of(client)) == []
    assert client.get("/api/v3/directory/").json()["items"] == []


def test_withdrawing_the_consent_removes_the_entry_at_once_cache_included(
    client, clusters, activate, directory_page, page_cache
):
    application = activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    assert entry_names(page_of(client)) == ["Seoul"]

    listing_consent_set(application=application, listed=False, source="test")

    assert entry_names(page_of(client)) == []
    assert marker_names(page_of(client)) == []


def test_the_directory_is_in_the_main_menu_and_linked_from_each_cluster_page(client, clusters, directory_page):
    home = page_of(client, "/en/")
    cluster = page_of(client, clusters.mobility.url)

    assert home.find("a", string="Member directory") is not None
    link = cluster.select_one(".cluster__directory-link a")
    assert link["href"] == f"/en/members/?cluster={clusters.mobility.pk}"


def test_the_korean_page_names_the_type_in_korean(client, clusters, activate, directory_page):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)

    response = client.get("/ko/members/", follow=True)

    assert response.status_code == 200
    assert "도시" in response.content.decode()
