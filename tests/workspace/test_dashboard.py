"""The admin home's Applications panel: counts per state per kind and "awaiting your action"."""

import re

import pytest

from workflows.models import ApplicationState

from .conftest import ROLES

S = ApplicationState


@pytest.fixture
def rows(make_city_application, clusters):
    return [
        make_city_application(S.SUBMITTED, city="Seoul"),
        make_city_application(S.SUBMITTED, city="Busan"),
        make_city_application(S.ASSIGNED, city="Lisbon", assigned_to=clusters.water),
        make_city_application(S.ACTIVE, city="Quito"),
    ]


def count_for(html, state):
    section = html.split('data-kind="City applications"')[1]
    match = re.search(rf'data-state="{state}">.*?workflow-dashboard__count">(\d+)<', section, re.S)
    return int(match.group(1))


@pytest.mark.parametrize("role", ROLES)
def test_panel_shows_only_to_roles_that_see_applications(client, users, rows, role):
    client.force_login(users[role])
    html = client.get("/admin/").content.decode()
    assert ("workflow-dashboard" in html) == (role in {"reviewer", "coordinator", "leader", "other_leader"})


def test_coordinator_sees_counts_per_state_and_what_awaits_them(client, coordinator, rows):
    client.force_login(coordinator)
    html = client.get("/admin/").content.decode()
    assert (count_for(html, "submitted"), count_for(html, "assigned"), count_for(html, "active")) == (2, 1, 1)
    city_panel = html.split('data-kind="City applications"')[1].split("data-kind=")[0]
    assert 'data-awaiting-count="3"' in city_panel  # not Quito: ending it moves nothing on
    assert rows[0].reference in html


def test_leader_counts_only_their_cluster(client, leader, rows):
    client.force_login(leader)
    html = client.get("/admin/").content.decode()
    assert (count_for(html, "submitted"), count_for(html, "active")) == (0, 1)
    # Quito is theirs but only to end, which awaits no one; Seoul is not theirs at all.
    assert rows[3].reference not in html and rows[0].reference not in html
