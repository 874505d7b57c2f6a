"""Draw a model's state machine as SVG, straight from its @transition definitions and their specs.

Pure Python and deterministic: the same machine always gives the same bytes, so a committed copy can be
compared with a fresh one (``manage.py workflow_diagram --check``) and can never drift from the code.

The layout reads left to right: the longest run of forward transitions (``TransitionSpec.moves_forward``)
is one row; states reached only by destructive transitions sit below it, the other side states above, each
near the states it connects to. Every machine is drawn at the same scale (the constants below), and edges
carry the transitions' labels, not their names.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.translation import gettext_lazy as _

from .specs import spec_for

BOX_WIDTH = 152
BOX_HEIGHT = 46
COLUMN_GAP = 100
ROW_GAP = 120
MARGIN = 12
FONT_SIZE = 14  # states and transitions alike, whatever the machine
DASHES = "6 4"  # a transition the applicant performs
BY_APPLICANT = _("by the applicant")


@dataclass(frozen=True)
class Edge:
    name: str
    source: str
    target: str
    label: str = ""
    by_applicant: bool = False
    forward: bool = False
    destructive: bool = False


def machine_edges(model) -> list[Edge]:
    """Every (transition, source, target) of ``model``'s state machine, in a stable order."""
    field = model._meta.get_field("state")
    edges = set()
    for transition in field.get_all_transitions(model):
        spec = spec_for(model, transition.name)
        edges.add(
            Edge(
                name=transition.name,
                source=str(transition.source),
                target=str(transition.target),
                label=str(spec.label),
                by_applicant=spec.by_applicant,
                forward=spec.moves_forward,
                destructive=spec.destructive,
            )
        )
    return sorted(edges, key=lambda edge: (edge.source, edge.target, edge.name))


def _main_path(initial, edges):
    """The longest simple path of forward transitions from the initial state: the row that reads left to right."""
    successors = defaultdict(list)
    for edge in edges:
        if edge.forward:
            successors[edge.source].append(edge.target)
    best = [initial]

    def walk(path):
        nonlocal best
        if len(path) > len(best):
            best = list(path)
        for target in successors[path[-1]]:
            if target not in path:
                walk([*path, target])

    walk([initial])
    return best


def _layout(states, initial, edges) -> dict[str, tuple[float, float]]:
    """Top-left corner of each state's box: the main path in the middle row, side states above or below."""
    main = _main_path(initial, edges)
    column = {state: index for index, state in enumerate(main)}
    neighbours = defaultdict(list)
    arrivals = defaultdict(list)
    for edge in edges:
        neighbours[edge.source].append(edge.target)
        neighbours[edge.target].append(edge.source)
        arrivals[edge.target].append(edge)

    def mean_column(state):
        known = {column[other] for other in neighbours[state] if other in column}
        return sum(known) / len(known) if known else len(main) - 1

    def below(state):
        return bool(arrivals[state]) and all(edge.destructive for edge in arrivals[state])

    rows = dict.fromkeys(main, 1)
    slots = dict(column)
    for row in (0, 2):
        side = [s for s in states if s not in column and below(s) == (row == 2)]
        next_free = -1
        for state in sorted(side, key=lambda s: (mean_column(s), states.index(s))):
            slots[state] = max(math.ceil(mean_column(state) - 0.5), next_free + 1)
            rows[state] = row
            next_free = slots[state]
    left, top = min(slots.values()), min(rows.values())
    return {
        state: (
            MARGIN + (slots[state] - left) * (BOX_WIDTH + COLUMN_GAP),
            MARGIN + (rows[state] - top) * (BOX_HEIGHT + ROW_GAP),
        )
        for state in states
    }


def _anchor(position, towards):
    """The point on a box's border facing ``towards`` (centre to centre)."""
    x, y = position
    cx, cy = x + BOX_WIDTH / 2, y + BOX_HEIGHT / 2
    tx, ty = towards
    dx, dy = tx - cx, ty - cy
    if dx == 0 and dy == 0:
        return cx, cy
    scale = min(
        (BOX_WIDTH / 2) / abs(dx) if dx else float("inf"),
        (BOX_HEIGHT / 2) / abs(dy) if dy else float("inf"),
    )
    return cx + dx * scale, cy + dy * scale


def svg_width(svg: str) -> int:
    """The width a drawing is made for (its ``width`` attribute), to show several at one scale."""
    return int(re.search(r'<svg [^>]*width="(\d+)"', svg).group(1))


def state_machine_svg(model, *, title="", current: str = "", id_prefix: str = "fsm") -> str:
    """An accessible SVG (title, description, text labels) of ``model``'s state machine.

    Transitions the applicant performs (their spec's ``by_applicant``) are dashed, and a legend says so.
    ``current``: the state to highlight (one application's), marked ``aria-current`` and named in the
    description. ``id_prefix`` keeps ids unique when a page shows several diagrams.
    """
    field = model._meta.get_field("state")
    states = [str(value) for value, _label in field.choices]
    labels = {str(value): str(label) for value, label in field.choices}
    initial = str(field.default)
    edges = machine_edges(model)
    positions = _layout(states, initial, edges)
    legend = any(edge.by_applicant for edge in edges)
    width = max(x for x, _ in positions.values()) + BOX_WIDTH + MARGIN
    height = max(y for _, y in positions.values()) + BOX_HEIGHT + MARGIN + (FONT_SIZE * 2 if legend else 0)

    description = "; ".join(
        f"{edge.label}{f' ({BY_APPLICANT})' if edge.by_applicant else ''}: "
        f"{labels[edge.source]} → {labels[edge.target]}"
        for edge in edges
    )
    if current in labels:
        description = f"{_('Now')}: {labels[current]}. {description}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" '
        f'aria-labelledby="{id_prefix}-title {id_prefix}-desc" class="workflow-machine" '
        f'font-family="system-ui, sans-serif" font-size="{FONT_SIZE}">',
        f'<title id="{id_prefix}-title">{escape(title or model._meta.verbose_name.capitalize())}</title>',
        f'<desc id="{id_prefix}-desc">{escape(description)}</desc>',
        f'<defs><marker id="{id_prefix}-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" '
        'markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    ]
    pairs = {(edge.source, edge.target) for edge in edges}
    labelled = _labelled_edges(edges, positions)
    parts += [_edge_svg(edge, positions, pairs, id_prefix, labelled=edge in labelled) for edge in edges]
    parts += [
        _state_svg(state, positions[state], labels[state], initial=state == initial, current=state == current)
        for state in states
    ]
    if legend:
        parts.append(_legend_svg(MARGIN, height - MARGIN / 2 - FONT_SIZE / 2))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _labelled_edges(edges, positions) -> set[Edge]:
    """One label per transition, state it leads to and row it comes from: arrows that fan into a state from one
    row (withdrawing from any of three states) carry it once, on the most upright arrow, not three times."""
    chosen = {}
    for edge in edges:
        key = (edge.label, edge.target, positions[edge.source][1])
        upright = abs(positions[edge.source][0] - positions[edge.target][0])
        if key not in chosen or upright < chosen[key][0]:
            chosen[key] = (upright, edge)
    return {edge for _upright, edge in chosen.values()}


def _edge_svg(edge, positions, pairs, id_prefix, *, labelled=True) -> str:
    centres = {state: (x + BOX_WIDTH / 2, y + BOX_HEIGHT / 2) for state, (x, y) in positions.items()}
    (sx, sy), (tx, ty) = centres[edge.source], centres[edge.target]
    # A pair joined both ways is drawn as two curves: the perpendicular flips with the direction, so
    # "there" and "back" bend to opposite sides. A same-row edge that passes a box swings around it.
    bend = 34 if (edge.target, edge.source) in pairs else 0
    if abs(ty - sy) < BOX_HEIGHT and any(
        abs(y + BOX_HEIGHT / 2 - sy) < 1 and min(sx, tx) < x + BOX_WIDTH / 2 < max(sx, tx)
        for x, y in positions.values()
    ):
        bend = 70
    mx, my = (sx + tx) / 2, (sy + ty) / 2
    length = max(((tx - sx) ** 2 + (ty - sy) ** 2) ** 0.5, 1)
    cx, cy = mx - (ty - sy) / length * bend, my + (tx - sx) / length * bend
    start = _anchor(positions[edge.source], (cx, cy))
    end = _anchor(positions[edge.target], (cx, cy))
    # Halfway along a row; elsewhere nearer the source, so the labels of edges that meet at a box stay apart.
    t = 0.5 if abs(ty - sy) < 1 else 0.3
    label_x = (1 - t) ** 2 * start[0] + 2 * t * (1 - t) * cx + t**2 * end[0]
    label_y = (1 - t) ** 2 * start[1] + 2 * t * (1 - t) * cy + t**2 * end[1]
    if abs(ty - sy) < 1 and not bend:  # along a row: above the arrow, which stays whole
        label_y -= FONT_SIZE * 0.8
    # Labels sit on the outer side of a curve, so the two labels of a there-and-back pair never overlap.
    outward = cx - mx
    anchor = "middle" if abs(outward) < 1 else ("start" if outward > 0 else "end")
    label_x += 4 if anchor == "start" else -4 if anchor == "end" else 0
    dashes = f' stroke-dasharray="{DASHES}"' if edge.by_applicant else ""
    return (
        f'<g class="transition" data-transition="{escape(edge.name)}" data-source="{escape(edge.source)}" '
        f'data-target="{escape(edge.target)}">'
        f'<path d="M{start[0]:.1f},{start[1]:.1f} Q{cx:.1f},{cy:.1f} {end[0]:.1f},{end[1]:.1f}" fill="none" '
        f'stroke="#333" stroke-width="1.5"{dashes} marker-end="url(#{id_prefix}-arrow)"/>'
        + (
            f'<text x="{label_x:.1f}" y="{label_y + FONT_SIZE / 3:.1f}" text-anchor="{anchor}" fill="#1a1a1a" '
            f'paint-order="stroke" stroke="#fff" stroke-width="5">{escape(edge.label)}</text>'
            if labelled
            else ""
        )
        + "</g>"
    )


def _state_svg(state, position, label, *, initial, current) -> str:
    x, y = position
    fill = "#1d4f91" if current else "#e8f1fb" if initial else "#f6f6f6"
    marks = ' aria-current="true"' if current else ""
    classes = "state state--current" if current else "state"
    return (
        f'<g class="{classes}" data-state="{escape(state)}"{marks}>'
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="10" '
        f'fill="{fill}" stroke="#1d4f91" stroke-width="{3 if current or initial else 1.5}"/>'
        f'<text x="{x + BOX_WIDTH / 2:.0f}" y="{y + BOX_HEIGHT / 2 + FONT_SIZE / 3:.0f}" text-anchor="middle" '
        f'fill="{"#fff" if current else "#111"}" font-weight="{700 if current else 600}">'
        f"{escape(label)}</text></g>"
    )


def _legend_svg(x, y) -> str:
    return (
        f'<g class="legend"><path d="M{x:.1f},{y:.1f} h36" stroke="#333" stroke-width="1.5" '
        f'stroke-dasharray="{DASHES}"/><text x="{x + 44:.1f}" y="{y + FONT_SIZE / 3:.1f}" fill="#1a1a1a">'
        f"{escape(str(BY_APPLICANT))}</text></g>"
    )
