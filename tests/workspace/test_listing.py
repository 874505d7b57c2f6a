"""The listing: who sees which rows, its columns, and sorting by the date columns."""

import pytest

from workflows.models import ApplicationState

from .conftest import ROLES

S = ApplicationState


@pytest.fixture
def rows(make_city_application, clusters):
    return {
        "submitted": make_city_application(S.SUBMITTED, city="Seoul"),
        "mobility": make_city_application(S.ASSIGNED, city="Busan", assigned_to=clusters.mobility),
        "water": make_city_application(S.ASSIGNED, city="Lisbon", country="PT", assigned_to=clusters.water),
    }


VISIBLE = {
    "reviewer": {"Seoul", "Busan", "Lisbon"},
    "coordinator": {"Seoul", "Busan", "Lisbon"},
    "leader": {"Busan"},
    "other_leader": {"Lisbon"},
}


@pytest.mark.parametrize("role", ROLES)
def test_each_role_sees_exactly_the_rows_the_visibility_rule_allows(client, users, rows, city_urls, role):
    client.force_login(users[role])
    response = client.get(city_urls.index())
    if role in VISIBLE:
        assert response.status_code == 200
        shown = {row.city for row in response.context["object_list"]}
        assert shown == VISIBLE[role]
    else:
        assert response.status_code in (302, 403)


def test_listing_shows_the_columns_reviewers_need(client, reviewer, rows, city_urls):
    client.force_login(reviewer)
    html = client.get(city_urls.index()).content.decode()
    lisbon = rows["water"]
    for text in [lisbon.reference, "Kim Min-jun", "City of Lisbon", "Lisbon", "Portugal", "Smart Mobility", "Water"]:
        assert text in html
    assert 'class="workflow-state workflow-state--progress" data-state="assigned">Assigned<' in html


def test_menu_shows_applications_only_to_roles_that_may_see_them(client, users, rows):
    for role in ROLES:
        client.force_login(users[role])
        html = client.get("/admin/").content.decode()
        shows = "/admin/applications/city-applications/" in html
        assert shows == (role in VISIBLE), role


@pytest.mark.parametrize("ordering", ["submitted_at", "-submitted_at", "updated_at", "-updated_at"])
def test_listing_sorts_by_the_date_columns(client, reviewer, rows, city_urls, ordering):
    client.force_login(reviewer)
    response = client.get(city_urls.index(), {"ordering": ordering})
    field = ordering.lstrip("-")
    values = [getattr(row, field) for row in response.context["object_list"]]
    assert values == sorted(values, reverse=ordering.startswith("-"))
    assert response.context["view"].ordering == ordering


def test_company_and_theme_listings_exist_for_their_kinds(
    client, coordinator, make_company_registration, make_theme_suggestion, company_urls, theme_urls
):
    registration = make_company_registration()
    suggestion = make_theme_suggestion()
    client.force_login(coordinator)
    assert registration.reference in client.get(company_urls.index()).content.decode()
    assert suggestion.reference in client.get(theme_urls.index()).content.decode()
