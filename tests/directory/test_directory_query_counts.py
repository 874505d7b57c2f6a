"""The directory runs the same number of queries with 5 listed members as with 200, built afresh or cached."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cluster_pages.models import DirectoryPage
from cluster_pages.roster_cache import rosters_invalidate
from tests.activation.conftest import city_application, company_registration
from tests.factories import ThematicClusterPageFactory, build_site_tree

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 200
CEILING = 3  # 25 before the route cache (issue 25)


def add_members(clusters, start, stop):
    for number in range(start, stop):
        city_application(
            city=f"City {number}",
            country=["KR", "ES", "MX", "PE"][number % 4],
            email=f"city{number}@example.org",
            consent=number % 3 != 0,
            consent_project_title=number % 2 == 0,
            latitude=number % 80,
            longitude=number % 170,
            state="active",
            assigned_to=clusters[number % 2],
        )
        company_registration(
            name=f"Company {number}",
            email=f"company{number}@example.org",
            consent=number % 2 == 0,
            state="active",
            assigned_to=clusters[number % 2],
        )


def queries_for(client, url, *, rebuilt: bool) -> tuple[int, bytes]:
    client.get(url)  # warm the per-site caches
    if rebuilt:
        rosters_invalidate()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content


@pytest.fixture(scope="module")
def counts(shared_data):
    client = Client()
    with shared_data():
        tree = build_site_tree()
        clusters = [
            ThematicClusterPageFactory(parent=tree.clusters, title=title, slug=title.lower())
            for title in ("One", "Two")
        ]
        page = DirectoryPage(title="Member directory", slug="members")
        tree.home.add_child(instance=page)
        page.save_revision().publish()
        add_members(clusters, 0, FEW)
        few = {rebuilt: queries_for(client, "/en/members/", rebuilt=rebuilt)[0] for rebuilt in (True, False)}
        add_members(clusters, FEW, MANY)
        many = {rebuilt: queries_for(client, "/en/members/", rebuilt=rebuilt)[0] for rebuilt in (True, False)}
        _count, content = queries_for(client, "/en/members/?page=3", rebuilt=False)
        yield {"few": few, "many": many, "content": content}


@pytest.mark.parametrize("rebuilt", [True, False], ids=["rebuilt", "cached"])
def test_the_directory_runs_as_many_queries_with_200_members_as_with_5(counts, rebuilt):
    assert counts["many"][rebuilt] == counts["few"][rebuilt]
    assert counts["many"][rebuilt] <= CEILING


def test_the_cached_directory_runs_fewer_queries_than_a_rebuilt_one(counts):
    assert counts["many"][False] < counts["many"][True]


def test_the_page_maps_every_listed_city_and_lists_a_page_of_entries(counts):
    content = counts["content"].decode()
    listed_cities = sum(1 for number in range(MANY) if number % 3 != 0)
    assert content.count('class="directory-map__marker"') == listed_cities
    assert content.count('class="directory-entry"') == 48
