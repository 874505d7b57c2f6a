"""A scenario's figures: each a measured value, what it must be (if anything) and whether it is."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Figure:
    scenario: str
    name: str
    value: object
    required: str = ""
    ok: bool = True


class Figures:
    def __init__(self, scenario: str):
        self.scenario = scenario
        self.rows: list[Figure] = []

    def info(self, name: str, value) -> None:
        self.rows.append(Figure(self.scenario, name, value))

    def check(self, name: str, value, required: str, rule: Callable[[object], bool]) -> None:
        self.rows.append(Figure(self.scenario, name, value, required, bool(rule(value))))

    def equal(self, name: str, value, expected) -> None:
        self.check(name, value, f"= {expected}", lambda v: v == expected)

    def at_least(self, name: str, value, minimum) -> None:
        self.check(name, value, f"≥ {minimum}", lambda v: v >= minimum)

    def at_most(self, name: str, value, maximum) -> None:
        self.check(name, value, f"≤ {maximum}", lambda v: v <= maximum)


def _cell(value) -> str:
    if isinstance(value, float):
        return f"{value:.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value)


def table(rows: list[Figure]) -> str:
    """A Markdown table (readable in a terminal too); a missed figure says MISSED."""
    lines = ["| scenario | figure | value | required | |", "|---|---|---:|---|---|"]
    for row in rows:
        verdict = "" if not row.required else ("ok" if row.ok else "**MISSED**")
        lines.append(f"| {row.scenario} | {row.name} | {_cell(row.value)} | {row.required} | {verdict} |")
    return "\n".join(lines)
