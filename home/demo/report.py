"""What a demo-content load created, found already present, or changed."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _


class DemoContentError(Exception):
    """The database is in a state the loader cannot safely build on (a clear message says why)."""


@dataclass(frozen=True)
class AccountRow:
    username: str
    role: str
    password: str
    state: str


@dataclass
class LoadReport:
    """Counts per kind of object, plus notes and the demo accounts, for the command to print."""

    created: Counter = field(default_factory=Counter)
    present: Counter = field(default_factory=Counter)
    notes: list[str] = field(default_factory=list)
    accounts: list[AccountRow] = field(default_factory=list)
    created_objects: list = field(default_factory=list)

    def record(self, kind: str, *, created: bool, obj=None) -> None:
        (self.created if created else self.present)[kind] += 1
        if created and obj is not None:
            self.created_objects.append(obj)

    def note(self, message: str) -> None:
        self.notes.append(message)

    @property
    def kinds(self) -> list[str]:
        return sorted(set(self.created) | set(self.present))

    def summary_lines(self) -> list[str]:
        width = max((len(kind) for kind in self.kinds), default=0)
        lines = [
            _("%(kind)s  %(created)3d created, %(present)3d already present")
            % {"kind": kind.ljust(width), "created": self.created[kind], "present": self.present[kind]}
            for kind in self.kinds
        ]
        return lines + self.notes

    def account_lines(self) -> list[str]:
        headers = (_("username"), _("role"), _("password"), _("state"))
        rows = [(row.username, row.role, row.password, row.state) for row in self.accounts]
        widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]

        def line(cells):
            return "  ".join(str(cell).ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()

        return [line(headers), line("-" * width for width in widths), *(line(row) for row in rows)]
