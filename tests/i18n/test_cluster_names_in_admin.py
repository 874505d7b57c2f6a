"""The reviewers' admin names each cluster in their admin language (its translation's title, the English title
where it has none), as the public forms do: the listing's "Cluster" column (the assigned cluster, and "Interested
in: X +1"), the inspect view, the chosen cluster's chip above the listing. The rows still hold the English
pages, the names are asked once per request (no query per row), and the CSV export keeps the English titles."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.synctree import synchronize_tree

from tests.factories import UserFactory
from tests.workspace.conftest import city_urls, clusters, make_city_application  # noqa: F401 - fixtures
from workflows.models import ApplicationState

pytestmark = pytest.mark.django_db
S = ApplicationState
KOREAN_TITLE = "스마트 모빌리티"


@pytest.fixture
def translated(clusters):  # noqa: F811 - the fixture above
    """The Korean tree synchronised; Smart Mobility translated, Water not yet (an alias, named in English)."""
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = clusters.mobility.get_translation(Locale.objects.get(language_code="ko"))
    Page.objects.filter(pk=korean.pk).update(title=KOREAN_TITLE, alias_of=None)
    return clusters


def reviewer_in(language: str, group: str = "Reviewers"):
    user = UserFactory(username=f"{group}-{language}", groups=[group])
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


@pytest.fixture
def rows(translated, make_city_application):  # noqa: F811 - the fixture above
    return {
        "interested": make_city_application(
            S.SUBMITTED, city="Seoul", interests=[translated.mobility, translated.water]
        ),
        "assigned": make_city_application(S.ASSIGNED, city="Busan", assigned_to=translated.mobility),
    }


def cluster_cells(client, url: str) -> dict[str, str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    cells = {}
    for row in soup.select("tbody tr"):
        _applicant, city_cell, cell, *_dates = row.select("td.workflow-two-lines")
        city = city_cell.select_one(".workflow-two-lines__first").get_text(strip=True)
        cells[city] = cell.get_text(" ", strip=True)
        if cell.abbr:
            cells[f"{city} more"] = cell.abbr["title"]
    return cells


def chips(client, url: str) -> list[str]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [chip.get_text(" ", strip=True) for chip in soup.select(".w-active-filters .w-pill__content")]


def test_a_korean_reviewer_sees_the_korean_titles_in_the_listing(client, rows, city_urls):  # noqa: F811
    client.force_login(reviewer_in("ko"))

    cells = cluster_cells(client, city_urls.index())
    assert cells["Busan"] == KOREAN_TITLE
    assert KOREAN_TITLE in cells["Seoul"] and "Smart Mobility" not in cells["Seoul"]
    assert cells["Seoul more"] == "Water"  # not translated yet: its English title


def test_an_english_reviewer_sees_the_english_titles(client, rows, city_urls):  # noqa: F811
    client.force_login(reviewer_in("en"))

    cells = cluster_cells(client, city_urls.index())

    assert cells["Busan"] == "Smart Mobility"
    assert "Smart Mobility" in cells["Seoul"] and cells["Seoul more"] == "Water"


def test_the_chosen_clusters_chips_are_named_in_the_reviewers_language(client, rows, translated, city_urls):  # noqa: F811
    mobility = translated.mobility.pk
    client.force_login(reviewer_in("ko"))

    assert any(KOREAN_TITLE in chip for chip in chips(client, f"{city_urls.index()}?interest={mobility}"))
    assert any(KOREAN_TITLE in chip for chip in chips(client, f"{city_urls.index()}?assigned_to={mobility}"))

    client.force_login(reviewer_in("en"))
    assert any("Smart Mobility" in chip for chip in chips(client, f"{city_urls.index()}?interest={mobility}"))


def test_the_interest_filter_offers_each_cluster_once_as_its_english_page(client, rows, translated, city_urls):  # noqa: F811
    client.force_login(reviewer_in("ko"))
    soup = BeautifulSoup(client.get(city_urls.index()).content, "html.parser")
    options = {o["value"]: o.get_text(strip=True) for o in soup.select("select[name=interest] option") if o["value"]}

    assert options == {str(translated.mobility.pk): KOREAN_TITLE, str(translated.water.pk): "Water"}


@pytest.mark.parametrize(("language", "title"), [("ko", KOREAN_TITLE), ("en", "Smart Mobility")])
def test_the_inspect_view_names_the_clusters_in_the_reviewers_language(client, rows, city_urls, language, title):  # noqa: F811
    client.force_login(reviewer_in(language))

    assigned = BeautifulSoup(client.get(city_urls.inspect(rows["assigned"])).content, "html.parser")
    interested = client.get(city_urls.inspect(rows["interested"])).content.decode()

    assert title in assigned.select_one(".workflow-inspect__status").get_text()
    assert f"{title}, Water" in interested or f"Water, {title}" in interested


def test_the_export_keeps_the_english_titles(client, rows, city_urls):  # noqa: F811
    client.force_login(reviewer_in("ko", group="Coordinators"))

    response = client.get(f"{city_urls.index()}?export=csv")
    content = b"".join(response.streaming_content).decode()

    assert "Smart Mobility" in content and KOREAN_TITLE not in content


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_the_korean_names_cost_one_query_per_page_whatever_the_rows(
    client,
    translated,
    make_city_application,  # noqa: F811
    city_urls,  # noqa: F811
):
    korean, english = reviewer_in("ko"), reviewer_in("en")

    def add(count):
        for number in range(count):
            cluster = [translated.mobility, translated.water][number % 2]
            make_city_application(
                S.ASSIGNED if number % 3 == 0 else S.SUBMITTED,
                city=f"City {number}",
                assigned_to=cluster if number % 3 == 0 else None,
                interests=[translated.mobility, translated.water][: 1 + number % 2],
            )

    def both():
        counts = {}
        for language, user in (("ko", korean), ("en", english)):
            client.force_login(user)
            client.get(city_urls.index())  # warm caches
            counts[language] = count_queries(client, city_urls.index())
        return counts

    add(4)
    few = both()
    add(20)
    many = both()

    assert few == many
    assert many["ko"] <= many["en"] + 1
