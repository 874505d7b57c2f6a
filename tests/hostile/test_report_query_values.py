"""Odd values in the pipeline report's query string (dates out of range or not dates, odd kinds and groupings,
downloads that name no report): the form's error or a 404, never a 500."""

import pytest

from .corpus import ODD_IDS

pytestmark = pytest.mark.django_db
URL = "/admin/reports/pipeline/"
ODD_DATES = ["9999-12-31", "0001-01-01", "2026-02-30", "2026-13-01", "26-1-1", "\x00", "2026-01-01\x00", "１２"]


@pytest.fixture
def signed_in(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.mark.parametrize("value", ODD_DATES)
@pytest.mark.parametrize("name", ["start", "end"])
def test_an_odd_date_is_a_form_error(signed_in, name, value):
    response = signed_in.get(URL, {name: value})
    assert response.status_code == 200
    assert 'class="error-message"' in response.content.decode()
    assert signed_in.get(URL, {name: value, "download": "funnel"}).status_code == 404


def test_the_last_days_of_the_calendar_are_refused_not_overflowed(signed_in):
    response = signed_in.get(URL, {"start": "9999-12-30", "end": "9999-12-31"})
    assert response.status_code == 200
    assert "Choose a day from 2000 until a year from today." in response.content.decode()


@pytest.mark.parametrize("value", [*ODD_IDS, "city", "\x00"])
def test_an_odd_kind_is_a_form_error(signed_in, value):
    response = signed_in.get(URL, {"kind": value})
    assert response.status_code == 200
    assert 'class="error-message"' in response.content.decode()


@pytest.mark.parametrize("value", ["../states", "states\x00", "STATES", "", "time-per-", "x" * 500])
def test_a_download_naming_no_report_is_not_found(signed_in, value):
    assert signed_in.get(URL, {"download": value}).status_code == 404


@pytest.mark.parametrize("value", ["target\x00", "everything", "1"])
def test_an_odd_grouping_is_a_form_error(signed_in, value):
    response = signed_in.get(URL, {"time_by": value})
    assert response.status_code == 200
    assert 'class="error-message"' in response.content.decode() or "report-time-per-kind" in response.content.decode()
