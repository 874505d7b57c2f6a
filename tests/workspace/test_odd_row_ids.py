"""Odd row ids in the workspace's bulk actions (``?id=²``, a 30-digit id, ``seen=²:active``) select nothing:
never a server error."""

import pytest

from tests.hostile.corpus import ODD_IDS
from workflows.models import ApplicationState

from .conftest import assessment_request_url


@pytest.mark.parametrize("value", ODD_IDS)
def test_odd_row_ids_in_the_workspace_select_nothing(client, reviewer, make_city_application, city_urls, value):
    row = make_city_application(ApplicationState.SUBMITTED)
    client.force_login(reviewer)
    bulk = city_urls.bulk("review").rstrip("?")

    confirmation = client.get(bulk, {"id": [value, row.pk]})
    assessments = client.get(assessment_request_url(city_urls), {"id": value})
    moved = client.post(city_urls.bulk("review"), {"seen": [f"{value}:submitted"]})

    assert confirmation.status_code == 200 and row.reference in confirmation.content.decode()
    assert assessments.status_code < 500
    assert moved.status_code == 400
    assert type(row).objects.get(pk=row.pk).state == ApplicationState.SUBMITTED
