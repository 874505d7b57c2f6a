"""Charts as SVG written here, on the server: no script, nothing the content security policy has to allow.

Each chart carries a title and a description for assistive technology; the report shows the same figures in a
table beside it. Colours are dark enough to stand out on white, and each series has its own dash pattern
too, so no figure is told by colour alone. Every text written is escaped.
"""

from dataclasses import dataclass, field
from xml.sax.saxutils import escape, quoteattr

WIDTH = 640
MARGIN = 8
FONT = 13
LABEL_WIDTH = 200
VALUE_WIDTH = 150
BAR_HEIGHT = 16
ROW_GAP = 8
GROUP_HEAD = 24
#: (colour, dash pattern): dark enough for 3:1 on white (WCAG 1.4.11), and told apart by the dashes too.
SERIES_STYLES = (
    ("#0b5fa5", ""),
    ("#a64d00", "8 4"),
    ("#00704f", "2 3"),
    ("#8e2f6e", "10 3 2 3"),
    ("#b3261e", "4 4"),
    ("#4b3f8c", "12 4"),
    ("#2b2b2b", "1 3"),
    ("#5f6b00", "6 2 2 2"),
)


def series_style(index: int) -> tuple[str, str]:
    return SERIES_STYLES[index % len(SERIES_STYLES)]


def _shorten(text: str, limit: int = 28) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _open(*, width: int, height: int, title: str, description: str, id_prefix: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="{id_prefix}-title {id_prefix}-desc">',
        f'<title id="{id_prefix}-title">{escape(str(title))}</title>',
        f'<desc id="{id_prefix}-desc">{escape(str(description))}</desc>',
        f'<rect width="{width}" height="{height}" fill="#ffffff"/>',
    ]


@dataclass
class BarRow:
    label: str
    value: float
    text: str  # the figure as the table says it
    series: int = 0  # which colour and pattern
    marker: float | None = None  # a second figure drawn as a tick on the same scale (e.g. the 90th percentile)


@dataclass
class BarGroup:
    heading: str
    rows: list[BarRow] = field(default_factory=list)


def bar_chart(*, groups: list[BarGroup], title: str, description: str, id_prefix: str, maximum: float | None = None):
    """Horizontal bars, in groups under a heading each: a label, the bar, and the figure in words."""
    values = [row.value for group in groups for row in group.rows] + [
        row.marker for group in groups for row in group.rows if row.marker is not None
    ]
    top = maximum if maximum is not None else max(values, default=0)
    scale = (WIDTH - 2 * MARGIN - LABEL_WIDTH - VALUE_WIDTH) / top if top else 0
    height = MARGIN * 2 + sum(
        (GROUP_HEAD if group.heading else 0) + len(group.rows) * (BAR_HEIGHT + ROW_GAP) for group in groups
    )
    height = max(height, 2 * MARGIN + BAR_HEIGHT)
    parts = _open(width=WIDTH, height=height, title=title, description=description, id_prefix=id_prefix)
    y = MARGIN
    bar_left = MARGIN + LABEL_WIDTH
    for group in groups:
        if group.heading:
            parts.append(
                f'<text x="{MARGIN}" y="{y + FONT + 4}" font-size="{FONT + 1}" font-weight="bold" '
                f'fill="#1f1f1f">{escape(_shorten(group.heading, 70))}</text>'
            )
            y += GROUP_HEAD
        for row in group.rows:
            colour, dashes = series_style(row.series)
            width = max(row.value * scale, 0)
            middle = y + BAR_HEIGHT / 2
            parts.append(
                f'<text x="{MARGIN}" y="{middle + FONT / 3:.1f}" font-size="{FONT}" fill="#1f1f1f">'
                f"{escape(_shorten(row.label))}</text>"
            )
            parts.append(
                f'<rect x="{bar_left}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" fill="{colour}"'
                + (f' stroke="#ffffff" stroke-dasharray="{dashes}" stroke-width="2"' if dashes else "")
                + "/>"
            )
            end = bar_left + width
            if row.marker is not None:
                x = bar_left + row.marker * scale
                parts.append(
                    f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{y - 3}" y2="{y + BAR_HEIGHT + 3}" stroke="#1f1f1f" '
                    'stroke-width="3"/>'
                )
                end = max(end, x)
            parts.append(
                f'<text x="{end + 6:.1f}" y="{middle + FONT / 3:.1f}" font-size="{FONT}" fill="#1f1f1f">'
                f"{escape(str(row.text))}</text>"
            )
            y += BAR_HEIGHT + ROW_GAP
    parts.append("</svg>")
    return "".join(parts)


@dataclass
class Line:
    label: str
    values: list[float]
    series: int


def line_chart(*, x_labels: list[str], lines: list[Line], title: str, description: str, id_prefix: str) -> str:
    """Lines over time (e.g. weeks), a y axis from 0 with five gridlines, and the first, middle and last x label."""
    height = 300
    left, right, top_margin, bottom = 48, 16, 12, 32
    plot_width, plot_height = WIDTH - left - right, height - top_margin - bottom
    top = max((max(line.values, default=0) for line in lines), default=0)
    step = _nice_step(top / 4 if top else 1)
    top = step * 4 if top <= step * 4 else step * (int(top / step) + 1)
    count = max(len(x_labels), 1)

    def x_at(index):
        return left + (plot_width * index / (count - 1) if count > 1 else plot_width / 2)

    def y_at(value):
        return top_margin + plot_height - (plot_height * value / top if top else 0)

    parts = _open(width=WIDTH, height=height, title=title, description=description, id_prefix=id_prefix)
    tick = 0.0
    while tick <= top + step / 2:
        y = y_at(tick)
        parts.append(f'<line x1="{left}" x2="{WIDTH - right}" y1="{y:.1f}" y2="{y:.1f}" stroke="#d4d4d4"/>')
        parts.append(
            f'<text x="{left - 6}" y="{y + FONT / 3:.1f}" font-size="{FONT}" text-anchor="end" fill="#1f1f1f">'
            f"{_number(tick)}</text>"
        )
        tick += step
    shown = sorted({0, (count - 1) // 2, count - 1}) if x_labels else []
    for index in shown:
        anchor = "start" if index == 0 and count > 1 else "end" if index == count - 1 and count > 1 else "middle"
        parts.append(
            f'<text x="{x_at(index):.1f}" y="{height - 10}" font-size="{FONT}" text-anchor="{anchor}" '
            f'fill="#1f1f1f">{escape(str(x_labels[index]))}</text>'
        )
    for line in lines:
        colour, dashes = series_style(line.series)
        points = " ".join(f"{x_at(i):.1f},{y_at(v):.1f}" for i, v in enumerate(line.values))
        dash = f" stroke-dasharray={quoteattr(dashes)}" if dashes else ""
        parts.append(f'<polyline points="{points}" fill="none" stroke="{colour}" stroke-width="2.5"{dash}/>')
    parts.append("</svg>")
    return "".join(parts)


def legend_swatch(series: int) -> str:
    """A small SVG sample of a series' colour and pattern, for the legend beside a chart (decorative)."""
    colour, dashes = series_style(series)
    dash = f" stroke-dasharray={quoteattr(dashes)}" if dashes else ""
    return (
        '<svg class="report-legend__swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true" '
        f'focusable="false"><line x1="1" x2="27" y1="6" y2="6" stroke="{colour}" stroke-width="4"{dash}/></svg>'
    )


def _nice_step(raw: float) -> float:
    for magnitude in (1, 10, 100, 1000, 10_000, 100_000, 1_000_000):
        for base in (1, 2, 5):
            if base * magnitude >= raw:
                return float(base * magnitude)
    return float(raw)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"
