"""Exported cells a spreadsheet shows as data, never runs: Wagtail's export with hostile answers in mind."""

from django.utils.translation import gettext as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

#: A cell starting with one of these is a formula (or becomes one) in Excel, LibreOffice and Google Sheets.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """OWASP's rule against CSV injection: a leading apostrophe makes the cell text in every spreadsheet."""
    return f"'{text}" if text.startswith(FORMULA_TRIGGERS) else text


class SafeSpreadsheetCellsMixin:
    """For a view with Wagtail's ``SpreadsheetExportMixin``: yes/no in words, and no cell a spreadsheet runs.

    It acts where each value becomes a cell (``preprocess_field_value``), so every column, including ones
    added later, is covered. XLSX cells stay typed strings (Wagtail turns a would-be formula back to text);
    characters XML cannot hold become U+FFFD rather than making openpyxl fail the whole export.
    """

    def preprocess_field_value(self, field, value, export_format):
        if isinstance(value, bool):
            value = _("Yes") if value else _("No")
        cell = super().preprocess_field_value(field, value, export_format)
        if not isinstance(cell, str):
            return cell
        if export_format == self.FORMAT_CSV:
            return csv_cell(cell)
        return ILLEGAL_CHARACTERS_RE.sub("\ufffd", cell)
