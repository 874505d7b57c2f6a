"""Laying out a grid of figures so that no tile is left alone on the last row."""

from django import template

register = template.Library()

#: The column counts a wide screen (1280 px) may use: up to five tiles of readable width fit a row.
WIDE_COLUMNS = (5, 4, 3)


@register.filter
def figure_columns(count: int) -> int:
    """The number of columns for ``count`` tiles at 1280 px: all on one row up to five, else the rows that divide
    them evenly, else the ones whose last row is fullest (never a lone tile: 7 → 4 + 3, 11 → 4 + 4 + 3)."""
    count = int(count or 0)
    if count <= max(WIDE_COLUMNS):
        return max(count, 1)

    def fullness(columns: int) -> tuple[bool, int]:
        rest = count % columns
        return (rest == 0, rest)

    return max(WIDE_COLUMNS, key=fullness)


@register.filter
def has_dated_figures(figures) -> bool:
    """Whether any figure carries a year (a ``YearFigure``), so the list should say which are live."""
    return any(getattr(figure, "year", None) for figure in figures)
