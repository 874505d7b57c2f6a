"""Widgets for long choice lists (a country select has some 250 options)."""

from django import forms
from django.utils.html import format_html
from django.utils.safestring import mark_safe

#: Rendered option lists by (widget class, choices): the choices hold the labels in the language they were read
#: in (and in its order), so each language and each change of the list is an entry of its own.
_RENDERED_OPTIONS: dict[tuple, "RenderedOptions"] = {}
_RENDERED_OPTIONS_MAX = 64


class RenderedOptions:
    """The HTML of a select's options, none selected, and where each value's option is in it."""

    def __init__(self, choices: tuple):
        self.pieces: list[str] = []
        self.options: dict[int, tuple[str, str]] = {}  # piece index -> (value, label)
        self.first_index: dict[str, int] = {}
        for group_name, group in choices:
            if group_name is not None:
                self.pieces.append(format_html('\n  <optgroup label="{}">', group_name))
            for value, label in group:
                self.first_index.setdefault(value, len(self.pieces))
                self.options[len(self.pieces)] = (value, label)
                self.pieces.append(self.option_html(value, label, selected=False))
            if group_name is not None:
                self.pieces.append("\n  </optgroup>")

    @staticmethod
    def option_html(value: str, label: str, *, selected: bool) -> str:
        # Django's select_option.html, included on its own line (its file ends with a newline).
        return format_html('\n  <option value="{}"{}>{}</option>\n', value, " selected" if selected else "", label)

    def html(self, values: list[str]) -> str:
        """The options with the first one whose value is among ``values`` selected, as ``forms.Select`` does."""
        found = [self.first_index[value] for value in values if value in self.first_index]
        if not found:
            return mark_safe("".join(self.pieces))  # noqa: S308 - pieces were built by format_html
        index = min(found)
        pieces = list(self.pieces)
        pieces[index] = self.option_html(*self.options[index], selected=True)
        return mark_safe("".join(pieces))  # noqa: S308 - pieces were built by format_html


class RenderedOnceSelect(forms.Select):
    """A single-choice select whose options are rendered once per language and list of choices, then reused.

    Django renders every option through two templates on every render: for a country list that is most of a
    form page's time. The markup is ``forms.Select``'s, the chosen value marked on each render; the option
    list is read on each render (in the active language, ordered as the choices give it), so a changed list or
    another language renders anew.
    """

    template_name = "workflows/widgets/select_rendered_once.html"

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)  # without ChoiceWidget's optgroups
        context["widget"]["options_html"] = self.rendered_options().html(context["widget"]["value"])
        return context

    def rendered_options(self) -> RenderedOptions:
        key = (type(self), self._choice_groups())
        rendered = _RENDERED_OPTIONS.get(key)
        if rendered is None:
            if len(_RENDERED_OPTIONS) >= _RENDERED_OPTIONS_MAX:
                _RENDERED_OPTIONS.clear()
            rendered = _RENDERED_OPTIONS[key] = RenderedOptions(key[1])
        return rendered

    def _choice_groups(self) -> tuple:
        """The choices as ((group label or None, ((value, label), ...)), ...), as text, as ``optgroups`` reads them."""
        groups = []
        for option_value, option_label in self.choices:
            option_value = "" if option_value is None else option_value
            if isinstance(option_label, list | tuple):
                group_name, subchoices = (str(option_value) if option_value else None), option_label
            else:
                group_name, subchoices = None, [(option_value, option_label)]
            groups.append((group_name, tuple((str(value), str(label)) for value, label in subchoices)))
        return tuple(groups)
