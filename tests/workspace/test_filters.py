"""Filters (each, and combined) and free-text search on the listing."""

import datetime

import pytest
from django.utils import timezone

from workflows.models import ApplicationState

S = ApplicationState


@pytest.fixture
def rows(make_city_application, clusters):
    rows = {
        "seoul": make_city_application(S.SUBMITTED, city="Seoul", interests=[clusters.mobility]),
        "busan": make_city_application(S.REVIEWED, city="Busan", interests=[clusters.water]),
        "lisbon": make_city_application(
            S.ASSIGNED,
            city="Lisbon",
            country="PT",
            assigned_to=clusters.water,
            interests=[clusters.water, clusters.mobility],
        ),
        "quito": make_city_application(
            S.ACTIVE,
            city="Quito",
            country="EC",
            assigned_to=clusters.mobility,
            project_title="Cable car network",
            email="movilidad@quito.example",
        ),
    }
    old = timezone.now() - datetime.timedelta(days=40)
    type(rows["seoul"]).objects.filter(pk=rows["seoul"].pk).update(submitted_at=old)
    return rows


def cities(client, url, params):
    response = client.get(url, params)
    assert response.status_code == 200
    return {row.city for row in response.context["object_list"]}


@pytest.mark.parametrize(
    "params, expected",
    [
        ({"state": ["submitted", "reviewed"]}, {"Seoul", "Busan"}),
        ({"state": ["active"]}, {"Quito"}),
        ({"interest": "WATER"}, {"Busan", "Lisbon"}),
        ({"assigned_to": "MOBILITY"}, {"Quito"}),
        ({"country": "PT"}, {"Lisbon"}),
        ({"submitted_from": "RECENT"}, {"Busan", "Lisbon", "Quito"}),
        ({"submitted_to": "RECENT"}, {"Seoul"}),
        ({"q": "cable car"}, {"Quito"}),
        ({"q": "movilidad@quito"}, {"Quito"}),
        ({"q": "City of Busan"}, {"Busan"}),
        ({"q": "buses through"}, {"Seoul", "Busan", "Lisbon", "Quito"}),
        ({"interest": "MOBILITY", "state": ["submitted", "assigned"]}, {"Seoul", "Lisbon"}),
        ({"interest": "WATER", "country": "KR", "q": "busan"}, {"Busan"}),
    ],
)
def test_each_filter_and_combinations(client, coordinator, rows, clusters, city_urls, params, expected):
    recent = (timezone.now() - datetime.timedelta(days=10)).date().isoformat()
    replace = {"WATER": str(clusters.water.pk), "MOBILITY": str(clusters.mobility.pk), "RECENT": recent}
    params = {key: replace.get(value, value) if isinstance(value, str) else value for key, value in params.items()}
    client.force_login(coordinator)
    assert cities(client, city_urls.index(), params) == expected


@pytest.mark.parametrize(
    "role, expected",
    [
        ("reviewer", {"Seoul", "Busan"}),  # review / request changes (rejecting Lisbon moves nothing on)
        ("coordinator", {"Seoul", "Busan", "Lisbon"}),  # ... plus assign, activate (ending Quito does not count)
        ("leader", set()),  # only ending Quito, in the cluster they lead
        ("other_leader", {"Lisbon"}),  # activate, in Water
    ],
)
def test_awaiting_my_action_lists_rows_this_user_may_move_forward(client, users, rows, city_urls, role, expected):
    client.force_login(users[role])
    assert cities(client, city_urls.index(), {"awaiting_my_action": "true"}) == expected


def test_awaiting_my_action_agrees_with_the_forward_transitions_available(client, users, rows, city_urls):
    from workflows.services import available_transitions
    from workflows.specs import spec_for

    def moves_forward(row, user):
        return any(spec_for(row, name).moves_forward for name in available_transitions(application=row, user=user))

    for role in ("reviewer", "coordinator", "leader", "other_leader"):
        user = users[role]
        client.force_login(user)
        awaiting = cities(client, city_urls.index(), {"awaiting_my_action": "true"})
        visible = client.get(city_urls.index()).context["object_list"]
        assert awaiting == {row.city for row in visible if moves_forward(row, user)}, role
