"""Draw a model's state machine as SVG, straight from its @transition definitions.

Pure Python and deterministic: the same machine always gives the same bytes, so a committed copy can be
compared with a fresh one (``manage.py workflow_diagram --check``) and can never drift from the code.
"""

from collections import defaultdict
from dataclasses import dataclass
from xml.sax.saxutils import escape

from django.utils.translation import gettext_lazy as _

from .specs import spec_for

BOX_WIDTH = 170
BOX_HEIGHT = 44
COLUMN_GAP = 120
SIDE_ROW_GAP = 190
MARGIN = 40
LEFT_MARGIN = 140  # room for the labels of curves that bow out to the left
DASHES = "6 4"  # a transition the applicant performs
BY_APPLICANT = _("by the applicant")


@dataclass(frozen=True)
class Edge:
    name: str
    source: str
    target: str
    by_applicant: bool = False


def machine_edges(model) -> list[Edge]:
    """Every (transition, source, target) of ``model``'s state machine, in a stable order."""
    field = model._meta.get_field("state")
    edges = {
        Edge(
            name=transition.name,
            source=str(transition.source),
            target=str(transition.target),
            by_applicant=spec_for(model, transition.name).by_applicant,
        )
        for transition in field.get_all_transitions(model)
    }
    return sorted(edges, key=lambda edge: (edge.source, edge.target, edge.name))


def _longest_path(initial, edges):
    """The longest simple path from the initial state: the "happy path" drawn as the top row."""
    successors = defaultdict(list)
    for edge in edges:
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


def _layout(states, initial, edges):
    """The happy path on the top row; every other state below, near the states it connects to."""
    main = _longest_path(initial, edges)
    column = {state: index for index, state in enumerate(main)}
    neighbours = defaultdict(list)
    for edge in edges:
        neighbours[edge.source].append(edge.target)
        neighbours[edge.target].append(edge.source)
    side = [state for state in states if state not in column]

    def mean_column(state):
        known = [column[other] for other in neighbours[state] if other in column]
        return sum(known) / len(known) if known else len(main)

    positions = {state: (LEFT_MARGIN + column[state] * (BOX_WIDTH + COLUMN_GAP), MARGIN) for state in main}
    next_free = 0.0
    for state in sorted(side, key=lambda s: (mean_column(s), states.index(s))):
        slot = max(mean_column(state) - 0.5, next_free)
        positions[state] = (LEFT_MARGIN + slot * (BOX_WIDTH + COLUMN_GAP), MARGIN + BOX_HEIGHT + SIDE_ROW_GAP)
        next_free = slot + 1
    return positions


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


def state_machine_svg(model, *, title="") -> str:
    """An accessible SVG (title, description, text labels) of ``model``'s state machine.

    Transitions the applicant performs (their spec's ``by_applicant``) are dashed, and a legend says so.
    """
    field = model._meta.get_field("state")
    states = [str(value) for value, _label in field.choices]
    labels = {str(value): str(label) for value, label in field.choices}
    initial = str(field.default)
    edges = machine_edges(model)
    positions = _layout(states, initial, edges)
    width = max(x for x, _ in positions.values()) + BOX_WIDTH + MARGIN
    height = max(y for _, y in positions.values()) + BOX_HEIGHT + MARGIN + 40

    description = "; ".join(
        f"{edge.name}{f' ({BY_APPLICANT})' if edge.by_applicant else ''}: {labels[edge.source]} → {labels[edge.target]}"
        for edge in edges
    )
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" '
        f'width="{width:.0f}" height="{height:.0f}" role="img" aria-labelledby="fsm-title fsm-desc" '
        'font-family="system-ui, sans-serif" font-size="13">',
        f'<title id="fsm-title">{escape(title or model._meta.verbose_name.capitalize())}</title>',
        f'<desc id="fsm-desc">{escape(description)}</desc>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="8" markerHeight="8" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>',
    ]
    pairs = {(edge.source, edge.target) for edge in edges}
    parts += [_edge_svg(edge, positions, pairs) for edge in edges]
    parts += [_state_svg(state, positions[state], labels[state], initial=state == initial) for state in states]
    if any(edge.by_applicant for edge in edges):
        parts.append(_legend_svg(MARGIN, height - MARGIN / 2))
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def _edge_svg(edge, positions, pairs) -> str:
    centres = {state: (x + BOX_WIDTH / 2, y + BOX_HEIGHT / 2) for state, (x, y) in positions.items()}
    (sx, sy), (tx, ty) = centres[edge.source], centres[edge.target]
    # A pair joined both ways, or an edge that goes back, is drawn as a curve: the perpendicular
    # flips with the direction, so "there" and "back" bend to opposite sides.
    has_reverse = (edge.target, edge.source) in pairs
    skips_a_box = abs(ty - sy) < BOX_HEIGHT and abs(tx - sx) > BOX_WIDTH + COLUMN_GAP
    bend = 40 if has_reverse or tx < sx else 0
    if skips_a_box:
        bend = 60 if tx > sx else -60  # a side-row edge passing a box swings below the row
    mx, my = (sx + tx) / 2, (sy + ty) / 2
    length = max(((tx - sx) ** 2 + (ty - sy) ** 2) ** 0.5, 1)
    cx, cy = mx - (ty - sy) / length * bend, my + (tx - sx) / length * bend
    start = _anchor(positions[edge.source], (cx, cy))
    end = _anchor(positions[edge.target], (cx, cy))
    label_x, label_y = (start[0] + 2 * cx + end[0]) / 4, (start[1] + 2 * cy + end[1]) / 4
    # Labels sit on the outer side of a curve, so the two labels of a there-and-back pair never overlap.
    outward = cx - mx
    anchor = "middle" if abs(outward) < 1 else ("start" if outward > 0 else "end")
    label_x += 4 if anchor == "start" else -4 if anchor == "end" else 0
    dashes = f' stroke-dasharray="{DASHES}"' if edge.by_applicant else ""
    return (
        f'<g class="transition" data-transition="{escape(edge.name)}" data-source="{escape(edge.source)}" '
        f'data-target="{escape(edge.target)}">'
        f'<path d="M{start[0]:.1f},{start[1]:.1f} Q{cx:.1f},{cy:.1f} {end[0]:.1f},{end[1]:.1f}" fill="none" '
        f'stroke="#333" stroke-width="1.5"{dashes} marker-end="url(#arrow)"/>'
        f'<text x="{label_x:.1f}" y="{label_y - 4:.1f}" text-anchor="{anchor}" fill="#1a1a1a" '
        'paint-order="stroke" stroke="#fff" stroke-width="4">'
        f"{escape(edge.name)}</text></g>"
    )


def _state_svg(state, position, label, *, initial) -> str:
    x, y = position
    return (
        f'<g class="state" data-state="{escape(state)}">'
        f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{BOX_HEIGHT}" rx="10" '
        f'fill="{"#e8f1fb" if initial else "#f6f6f6"}" stroke="#1d4f91" '
        f'stroke-width="{2.5 if initial else 1.5}"/>'
        f'<text x="{x + BOX_WIDTH / 2}" y="{y + BOX_HEIGHT / 2 + 5}" text-anchor="middle" fill="#111">'
        f"{escape(label)}</text></g>"
    )


def _legend_svg(x, y) -> str:
    return (
        f'<g class="legend"><path d="M{x:.1f},{y:.1f} h36" stroke="#333" stroke-width="1.5" '
        f'stroke-dasharray="{DASHES}"/><text x="{x + 44:.1f}" y="{y + 4:.1f}" fill="#1a1a1a">'
        f"{escape(str(BY_APPLICANT))}</text></g>"
    )
