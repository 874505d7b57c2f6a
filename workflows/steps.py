"""A form split into steps by "Step" dividers among the editor's questions.

An editor adds a question of type "Step" (``STEP_FIELD_TYPE``): its label is the step's title, its help text an
introduction shown above the step, and its choices box may name the form's fixed sections the step shows (one
per line, by their heading, e.g. "Your city"). The questions after a divider, up to the next one, are on its
step; questions before the first divider join the first step. Fixed sections no step names are on the last
step, before its own questions. A form without a divider is one page, as before.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.utils import translation

STEP_FIELD_TYPE = "step"


@dataclass
class FormStep:
    """One step: its title, introduction, and the sections (legend, field names) it shows, in order."""

    title: str
    intro: str = ""
    sections: list[tuple[str, list[str]]] = field(default_factory=list)

    @property
    def field_names(self) -> list[str]:
        return [name for _legend, names in self.sections for name in names]


def _normalised(text) -> str:
    return " ".join(str(text).split()).casefold()


def section_keys(legend) -> set[str]:
    """The words an editor may name a fixed section by: its heading in any of the site's languages."""
    keys = {_normalised(legend)}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            keys.add(_normalised(legend))
    return keys


def named_sections(choices: str) -> list[str]:
    """The section headings a divider's choices box names, normalised, in order."""
    return [_normalised(line) for line in str(choices or "").replace(",", "\n").splitlines() if line.strip()]


def build_steps(*, dividers_and_questions, fixed_sections, extra_legend) -> tuple[FormStep, ...]:
    """The steps of a form, or none when the editor added no divider.

    ``dividers_and_questions``: the editor's rows in order as (is_divider, row, field name or None);
    ``fixed_sections``: (legend, field names) of the kind's fixed questions, in order; ``extra_legend``: the
    heading of a step's own questions.
    """
    if not any(is_divider for is_divider, _row, _name in dividers_and_questions):
        return ()
    steps: list[FormStep] = []
    extras: list[list[str]] = []
    claimed: dict[int, int] = {}  # fixed section index -> step index
    keys = [section_keys(legend) for legend, _names in fixed_sections]
    for is_divider, row, name in dividers_and_questions:
        if is_divider:
            steps.append(FormStep(title=row.label, intro=row.help_text))
            extras.append([])
            for wanted in named_sections(row.choices):
                for index, section_key in enumerate(keys):
                    if wanted in section_key and index not in claimed:
                        claimed[index] = len(steps) - 1
        elif name:
            if not steps:  # questions before the first divider join the first step
                extras.append([])
                steps.append(FormStep(title=""))
            extras[-1].append(name)
    if not steps[0].title:  # questions above the first divider: they join it
        first_extras = extras.pop(0)
        steps.pop(0)
        claimed = {index: step - 1 for index, step in claimed.items()}
        extras[0] = first_extras + extras[0]
    last = len(steps) - 1
    for index, (legend, names) in enumerate(fixed_sections):
        if names:
            steps[claimed.get(index, last)].sections.append((legend, list(names)))
    for step, names in zip(steps, extras, strict=True):
        if names:
            step.sections.append((extra_legend, names))
    return tuple(steps)
