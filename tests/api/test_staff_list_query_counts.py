"""The staff list, filtered or searched, runs the same number of queries whatever its rows: many rows, rows
assigned to many clusters (each with its own leaders) and rows in every state cost nothing more."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cluster_pages.models import ClusterLeadership, ClusterStatus
from tests.factories import ThematicClusterPageFactory, UserFactory
from tests.workspace.conftest import clusters, make_city_application  # noqa: F401 - fixtures
from workflows.models import ApplicationState

S = ApplicationState
STATES = [S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE, S.REJECTED, S.CHANGES_REQUESTED]
CEILING = 15
QUERIES = [
    {"limit": 20},
    {"limit": 20, "state": "assigned"},
    {"limit": 20, "search": "City"},
    {"limit": 20, "search": "city.example"},
    {"limit": 20, "country": "ES"},
    {"limit": 20, "kind": "cluster_pages.cityapplication", "ordering": "reference"},
]


@pytest.fixture
def many_clusters(site_tree):
    """Six open clusters, each with a leader of its own."""
    pages = []
    for number in range(6):
        page = ThematicClusterPageFactory(
            parent=site_tree.clusters, title=f"Cluster {number}", status=ClusterStatus.ACTIVE
        )
        ClusterLeadership.objects.create(
            cluster=page, user=UserFactory(username=f"leader-{number}", groups=["Cluster leaders"])
        )
        pages.append(page)
    return pages


@pytest.mark.parametrize("params", QUERIES, ids=lambda params: "&".join(f"{k}={v}" for k, v in params.items()))
def test_the_staff_list_runs_as_many_queries_for_many_rows_and_clusters_as_for_few(
    staff,
    make_city_application,  # noqa: F811 - the fixture imported above
    many_clusters,
    params,
):
    _user, api = staff["coordinator"]

    def add(start, count, cluster_count):
        for number in range(start, start + count):
            state = STATES[number % len(STATES)]
            cluster = many_clusters[number % cluster_count]
            make_city_application(
                state,
                city=f"City {number}",
                country=["KR", "ES"][number % 2],
                assigned_to=cluster if state in (S.ASSIGNED, S.ACTIVE) else None,
                interests=many_clusters[: 1 + number % 3],
            )

    def queries():
        api.get("applications/", params)  # warm: the token's last-used time, content types
        with CaptureQueriesContext(connection) as captured:
            response = api.get("applications/", params)
        assert response.status_code == 200, response.content
        return len(captured)

    add(0, 6, cluster_count=1)
    few = queries()
    add(6, 60, cluster_count=6)
    many = queries()
    assert many == few, f"{few} queries for 6 rows on one cluster, {many} for 66 rows on six"
    assert many <= CEILING
