"""The listing's count and the states "select all" offers are those of the rows it lists, whatever the filters;
counted on the applications' own table (an index on kind and state) when every filter reads that table, through
the kind's table when one does not."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cluster_pages.models import CityApplication, ThemeSuggestion
from workflows.selectors.counts import rows_per_state

from .test_query_counts import add_rows  # noqa: F401 - the fixture: city applications in every state

KIND_TABLE = CityApplication._meta.db_table


def count_statement(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    [statement] = [query["sql"] for query in captured.captured_queries if 'AS "rows"' in query["sql"]]
    return response, statement


@pytest.mark.parametrize(
    ("query", "on_parent"),
    [
        ("", True),
        ("?state=submitted", True),
        ("?state=submitted&state=reviewed", True),
        ("?submitted_from=2000-01-01&submitted_to=2100-12-31", True),
        ("?assigned_to={mobility}", True),
        ("?country=ES", False),
        ("?interest={mobility}", False),
        ("?q=City+1", False),
        ("?state=assigned&country=KR", False),
        ("?awaiting_my_action=true", None),
    ],
)
def test_the_count_and_states_are_the_listed_rows_whichever_table_counts_them(
    client,
    users,
    add_rows,  # noqa: F811
    city_urls,
    clusters,
    query,
    on_parent,
):
    add_rows(20)  # fewer than a page: every row of the listing is on the first page
    client.force_login(users["coordinator"])

    response, statement = count_statement(client, city_urls.index() + query.format(mobility=clusters.mobility.pk))

    rows = list(response.context["object_list"])
    assert response.context["paginator"].count == len(rows)
    assert response.context["view"].listing_states == {row.state for row in rows}
    if on_parent is not None:
        assert (f'"{KIND_TABLE}"' not in statement) is on_parent, statement
    if on_parent:  # from the (kind, state) index alone: no column outside it is read
        assert "COUNT(*)" in statement, statement


def test_a_leader_sees_the_count_of_the_clusters_they_lead_counted_on_the_parent(
    client,
    users,
    add_rows,  # noqa: F811
    city_urls,
    leader,
):
    add_rows(20)
    client.force_login(leader)

    response, statement = count_statement(client, city_urls.index())

    rows = list(response.context["object_list"])
    assert rows and response.context["paginator"].count == len(rows)
    assert f'"{KIND_TABLE}"' not in statement


def test_rows_of_another_kind_are_not_counted(add_rows, make_company_registration):  # noqa: F811
    add_rows(8)
    make_company_registration("submitted")
    make_company_registration("active")

    counted = rows_per_state(CityApplication.objects.all())

    assert sum(counted.values()) == 8
    assert counted == {state: CityApplication.objects.filter(state=state).count() for state in counted}
    assert rows_per_state(CityApplication.objects.none()) == {}


def test_a_kind_without_a_parent_table_is_counted_through_its_own(make_theme_suggestion, add_rows):  # noqa: F811
    """Theme suggestions are no application: no kind column to count on, the count is Django's as before."""
    add_rows(3)
    make_theme_suggestion()
    make_theme_suggestion("Ageing cities")

    assert rows_per_state(ThemeSuggestion.objects.all()) == {"submitted": 2}
    assert rows_per_state(ThemeSuggestion.objects.filter(proposed_theme="Ageing cities")) == {"submitted": 1}
