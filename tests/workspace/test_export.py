"""Export of the filtered listing as CSV and XLSX, extra answers as columns, for Coordinators only."""

import csv
import io

import openpyxl
import pytest

from workflows.models import ApplicationState

S = ApplicationState


@pytest.fixture
def rows(make_city_application, clusters):
    return [
        make_city_application(city="Seoul", answers={"budget": {"label": "Budget", "value": "2m"}}),
        make_city_application(
            S.ASSIGNED, city="Lisbon", country="PT", answers={"team": {"label": "Team size", "value": "4"}}
        ),
    ]


def test_csv_export_has_the_filtered_rows_and_extra_answers(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index(), {"export": "csv", "state": ["submitted"]})
    assert response.status_code == 200
    table = list(csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert [row["Reference"] for row in table] == [rows[0].reference]
    assert table[0]["City"] == "Seoul"
    assert table[0]["Country"] == "South Korea"
    assert table[0]["State"] == "Submitted"
    assert table[0]["Budget"] == "2m"
    assert "Team size" not in table[0]  # only the questions the exported rows answered


def test_xlsx_export_parses_back_with_every_row(client, coordinator, rows, city_urls):
    client.force_login(coordinator)
    response = client.get(city_urls.index(), {"export": "xlsx"})
    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header, *data = [list(row) for row in sheet.iter_rows(values_only=True)]
    assert {"Reference", "Clusters of interest", "Budget", "Team size"} <= set(header)
    references = {row[header.index("Reference")] for row in data}
    assert references == {row.reference for row in rows}
    lisbon = next(row for row in data if row[header.index("City")] == "Lisbon")
    assert lisbon[header.index("Team size")] == "4"
    assert lisbon[header.index("Clusters of interest")] == "Smart Mobility"


@pytest.mark.parametrize("role", ["reviewer", "leader", "other_leader", "editor", "communications"])
def test_only_coordinators_may_export(client, users, rows, city_urls, role):
    client.force_login(users[role])
    response = client.get(city_urls.index(), {"export": "csv"})
    assert response.status_code in (302, 403)
    assert response.get("Content-Type", "").startswith("text/csv") is False
    if role == "reviewer":
        assert "Download CSV" not in client.get(city_urls.index()).content.decode()
