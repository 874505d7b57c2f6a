"""Form widgets of the workspace that render many times per page, written out in Python."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class Select(forms.Select):
    """A ``<select>`` with the markup of Django's own, its options written out in Python: Django renders each
    option through two templates, which for a country filter's 250 options was a fifth of the listing's time.
    Named as Django's, so Wagtail styles its field as a select (``w-field--select``)."""

    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        groups = []
        for group_name, options, _index in widget["optgroups"]:
            rendered = format_html_join(
                "",
                '<option value="{}"{}>{}</option>',
                ((option["value"], flatatt(_present(option["attrs"])), option["label"]) for option in options),
            )
            groups.append(
                format_html('<optgroup label="{}">{}</optgroup>', group_name, rendered) if group_name else rendered
            )
        return format_html(
            '<select name="{}"{}>{}</select>',
            widget["name"],
            flatatt(_present(widget["attrs"])),
            format_html_join("", "{}", ((group,) for group in groups)),
        )


def _present(attrs: dict) -> dict:
    """As Django's ``attrs.html``: an attribute that is False is left out (``flatatt`` also drops None)."""
    return {name: value for name, value in attrs.items() if value is not False}
