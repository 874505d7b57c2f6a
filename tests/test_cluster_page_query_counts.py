"""A cluster page costs the same queries with no member as with many, and its roster follows activations at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cluster_pages.models import CityApplication
from tests.factories import ThematicClusterPageFactory
from workflows.tokens import token_hash

pytestmark = pytest.mark.django_db

# 15 on the demo site (make bench-pages); this site has no city form, so "Join this cluster" reads the join page
# from the site settings: two more. Then 17; 7 since the route cache (issue 25: Wagtail's routing, ten statements).
CEILING = 7


def add_members(cluster, count: int, *, state="active") -> list[CityApplication]:
    return [
        CityApplication.objects.create(
            state=state,
            assigned_to=cluster,
            city=f"Town {cluster.pk}-{number}",
            country="KR",
            applicant_name="Mayor",
            applicant_email=f"town-{cluster.pk}-{number}@cities.example.org",
            organisation="Council",
            project_title="Data hub",
            project_description="What it built.",
            project_status="launched",
            partners_sought="",
            consent_public_listing=number % 2 == 0,
            consent_privacy=True,
            status_token_hash=token_hash(f"{cluster.pk}-{number}-{state}"),
            fingerprint=f"{cluster.pk}-{number}",
        )
        for number in range(count)
    ]


def queries_for(client, url) -> int:
    client.get(url)  # warms the caches every later view reuses (site paths, chrome, roster)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_a_cluster_page_costs_the_same_queries_with_no_member_and_with_forty(client, site_tree):
    empty = ThematicClusterPageFactory(parent=site_tree.clusters, title="Empty")
    full = ThematicClusterPageFactory(parent=site_tree.clusters, title="Full")
    add_members(full, 40)

    assert queries_for(client, full.url) == queries_for(client, empty.url) <= CEILING


def test_a_new_or_renamed_active_member_shows_on_the_cached_cluster_page_at_once(client, site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Growing")
    (first,) = add_members(cluster, 1)
    assert first.city in client.get(cluster.url).content.decode()  # cached now

    first.city = "Renamed town"
    first.save()
    new = CityApplication.objects.create(
        **{field: getattr(first, field) for field in ("state", "assigned_to", "country", "organisation")},
        city="Newcomer town",
        applicant_name="Mayor",
        applicant_email="newcomer@cities.example.org",
        consent_public_listing=True,
        consent_privacy=True,
        status_token_hash=token_hash("newcomer"),
        fingerprint="newcomer",
    )

    html = client.get(cluster.url).content.decode()
    assert "Renamed town" in html and new.city in html
