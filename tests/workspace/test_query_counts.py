"""The listing runs the same number of queries for 10 or 200 applications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.models import ApplicationState

S = ApplicationState
CEILING = 40
STATES = [S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE, S.REJECTED]


def queries_for_listing(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("role", ["reviewer", "coordinator", "leader"])
def test_listing_query_count_does_not_grow_with_rows(client, users, make_city_application, clusters, city_urls, role):
    def add(count):
        for number in range(count):
            state = STATES[number % len(STATES)]
            make_city_application(
                state,
                city=f"City {number}",
                assigned_to=clusters.mobility if state in (S.ASSIGNED, S.ACTIVE) else None,
                interests=[clusters.mobility, clusters.water],
            )

    client.force_login(users[role])
    add(10)
    client.get(city_urls.index())  # warm caches (content types, site root paths)
    small = queries_for_listing(client, city_urls.index())
    add(190)
    large = queries_for_listing(client, city_urls.index())
    assert small == large
    assert large <= CEILING
