"""The listing (plain, each filter, search, sort, a later page), the CSV export and the admin home's panel run
the same number of queries for 10 or 200 applications, under a ceiling."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workflows.models import ApplicationState

S = ApplicationState
#: The most any listing, filter, search or sort asks (a filter on a page of interest, 18 on 2026-12-04: the
#: rows per state give the paginator's count and the bulk footer's states in one query; 19 since the menu's Check-in
#: item asks once whether the user manages a session; the clusters a user leads are asked once per request
#: (``target_ids_managed_by`` keeps them on the user object), however many menu items and rows ask again.
CEILING = 19
#: A leader's listing also asks which clusters they lead, who leads the clusters their bulk actions may apply to,
#: and whether they manage registrations (the Event registrations menu item).
LEADER_CEILING = 23
STATES = [S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE, S.REJECTED]
COUNTRIES = ["KR", "ES", "MX", "PT"]


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
        if hasattr(response, "streaming_content"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(captured)


@pytest.fixture
def add_rows(make_city_application, clusters):
    """``add(count)``: city applications in every state, assigned to and interested in both clusters, from a
    few countries (so each listed row may name a different cluster)."""
    made = []

    def add(count):
        for number in range(len(made), len(made) + count):
            state = STATES[number % len(STATES)]
            cluster = [clusters.mobility, clusters.water][number % 2]
            made.append(
                make_city_application(
                    state,
                    city=f"City {number}",
                    country=COUNTRIES[number % len(COUNTRIES)],
                    assigned_to=cluster if state in (S.ASSIGNED, S.ACTIVE) else None,
                    interests=[clusters.mobility, clusters.water][: 1 + number % 2],
                )
            )

    return add


@pytest.mark.parametrize("role", ["reviewer", "coordinator", "leader"])
def test_listing_query_count_does_not_grow_with_rows(client, users, add_rows, city_urls, role):
    client.force_login(users[role])
    add_rows(10)
    client.get(city_urls.index())  # warm caches (content types, site root paths)
    small = queries_for(client, city_urls.index())
    add_rows(190)
    large = queries_for(client, city_urls.index())
    assert small == large
    assert large <= (LEADER_CEILING if role == "leader" else CEILING)


LISTINGS = [
    "state=submitted",
    "state=submitted&state=active",
    "interest={water}",
    "assigned_to={mobility}",
    "country=ES",
    "submitted_from=2020-01-01&submitted_to=2100-01-01",
    "awaiting_my_action=true",
    "state=active&interest={mobility}&country=KR",
    "q=City",
    "q=city.example&state=reviewed",
    "ordering=city",
    "ordering=-state",
    "ordering=updated_at",
    "p=2",
    "export=csv",
]


@pytest.mark.parametrize("query", LISTINGS)
def test_each_filter_search_sort_and_the_export_run_as_many_queries_for_200_rows_as_for_30(
    client, coordinator, add_rows, clusters, city_urls, query
):
    client.force_login(coordinator)
    url = f"{city_urls.index()}?{query.format(water=clusters.water.pk, mobility=clusters.mobility.pk)}"
    add_rows(30)
    client.get(url)
    small = queries_for(client, url)
    add_rows(170)
    large = queries_for(client, url)
    assert small == large, f"{query}: {small} queries for 30 rows, {large} for 200"
    assert large <= CEILING, f"{query}: {large} queries"


@pytest.mark.parametrize("role", ["coordinator", "leader"])
def test_the_admin_home_panel_runs_as_many_queries_for_200_rows_as_for_60(client, users, add_rows, role):
    # From 60 rows on, more rows await each role than the panel lists, so both sizes also count those.
    client.force_login(users[role])
    add_rows(60)
    client.get("/admin/")
    small = queries_for(client, "/admin/")
    add_rows(140)
    large = queries_for(client, "/admin/")
    assert small == large, f"{small} queries for 60 rows, {large} for 200"
