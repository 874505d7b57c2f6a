"""The listing's row buttons written out in Python, with the markup of Wagtail's templates
(``wagtailadmin/shared/button.html``, ``button_with_dropdown.html`` and its ``dropdown.html``): each row has
two dropdowns of several buttons, and their templates were half of the table's time."""

from django.utils.html import format_html, format_html_join
from wagtail.admin.widgets.button import BaseButton, ButtonWithDropdown


def icon_html(name: str, classname: str = "") -> str:
    """As Wagtail's ``{% icon %}``."""
    return format_html(
        '<svg class="icon icon-{} {}" aria-hidden="true"><use href="#icon-{}"></use></svg>',
        name,
        classname or "icon",
        name,
    )


def button_html(button, parent_context) -> str:
    """A button as Wagtail's ``button.html`` draws it; one with its own template or context as it says."""
    if (
        button.template_name != BaseButton.template_name
        or type(button).get_context_data is not BaseButton.get_context_data
    ):
        return button.render_html(parent_context)
    # The spaces Wagtail's template leaves around the icon and the label (they show between the two).
    content = format_html(" {} {} ", icon_html(button.icon_name) if button.icon_name else "", button.label)
    if button.url:
        return format_html(
            '<a href="{}" class="{}"{}>{}</a>', button.url, button.classname, button.base_attrs_string, content
        )
    return format_html('<button class="{}"{}>{}</button>', button.classname, button.base_attrs_string, content)


class QuickButtonWithDropdown(ButtonWithDropdown):
    """Wagtail's ``ButtonWithDropdown``, drawn in Python (see the module)."""

    @classmethod
    def from_button(cls, button: ButtonWithDropdown) -> "QuickButtonWithDropdown":
        return cls(
            label=button.label,
            buttons=button.dropdown_buttons,
            icon_name=button.icon_name,
            classname=button.classname,
            attrs=button.attrs,
            priority=button.priority,
        )

    def render_html(self, parent_context=None):
        toggle_classes = " ".join(
            name.strip()
            for name in ("w-dropdown__toggle", "" if self.label else "w-dropdown__toggle--icon", self.classname or "")
            if name and name.strip()
        )
        aria_label = format_html(' aria-label="{}"', self.aria_label) if self.aria_label else ""
        return format_html(
            '<div data-controller="w-dropdown" class="w-dropdown"{}>'
            '<button type="button" class="{}" data-w-dropdown-target="toggle"{}> {} {} </button>'
            '<div data-w-dropdown-target="content" class="w-dropdown__content" hidden>{}</div></div>',
            self.base_attrs_string,
            toggle_classes,
            aria_label,
            self.label,
            icon_html(self.icon_name or "arrow-down", "w-dropdown__toggle-icon"),
            format_html_join(
                "", "{}", ((button_html(button, parent_context),) for button in sorted(self.dropdown_buttons))
            ),
        )


def quick(buttons: list) -> list:
    """``buttons`` with each plain ``ButtonWithDropdown`` drawn in Python."""
    return [
        QuickButtonWithDropdown.from_button(button)
        if type(button) is ButtonWithDropdown and button.template_name == ButtonWithDropdown.template_name
        else button
        for button in buttons
    ]
