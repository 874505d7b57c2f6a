"""The cluster page runs the same number of queries with 5 members and partners as with 200."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from tests.factories import ThematicClusterPageFactory, build_site_tree

from .conftest import city_application, company_registration

pytestmark = pytest.mark.django_db

FEW, MANY = 5, 200
CEILING = 7  # 30 before the route cache (issue 25); Wagtail's routing was most of it


def add_members(cluster, start, stop):
    for number in range(start, stop):
        city_application(
            city=f"City {number}",
            country=["KR", "ES", "MX", "PE"][number % 4],
            email=f"city{number}@example.org",
            consent=number % 3 != 0,
            state="active",
            assigned_to=cluster,
        )
        company_registration(
            name=f"Company {number}",
            email=f"company{number}@example.org",
            consent=number % 2 == 0,
            state="active",
            assigned_to=cluster,
        )


def queries_for(client, url) -> tuple[int, bytes]:
    client.get(url)  # warm the per-site caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content


@pytest.fixture(scope="module")
def counts(shared_data):
    client = Client()
    with shared_data():
        tree = build_site_tree()
        cluster = ThematicClusterPageFactory(parent=tree.clusters, title="Flagship", slug="flagship")
        add_members(cluster, 0, FEW)
        few, _ = queries_for(client, "/en/clusters/flagship/")
        add_members(cluster, FEW, MANY)
        many, content = queries_for(client, "/en/clusters/flagship/")
        yield {"few": few, "many": many, "content": content}


def test_the_cluster_page_runs_as_many_queries_with_200_members_as_with_5(counts):
    assert counts["many"] == counts["few"]


def test_the_cluster_page_stays_under_the_query_ceiling(counts):
    assert counts["many"] <= CEILING


def test_the_page_lists_the_200_members_it_was_counted_with(counts):
    content = counts["content"].decode()
    assert "City 199" in content and "City 198" not in content  # 198 did not consent (198 % 3 == 0)
    assert (
        content.count('class="member-list__item"') == 133 + 100
    )  # consented: cities whose number is not a multiple of 3, even companies
