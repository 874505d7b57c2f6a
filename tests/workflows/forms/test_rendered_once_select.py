"""``RenderedOnceSelect`` writes the same markup as Django's ``Select`` (choices, groups, escaping, the chosen
value), while rendering the options once per list of choices."""

import pytest
from django import forms
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from workflows.forms import RenderedOnceSelect

CHOICES = [
    ("", "---------"),
    ("Group <one>", [("a&b", "A & B"), ("c", mark_safe("<i>C</i>"))]),
    (None, "None at the top"),
    ("a&b", "The same value again"),
    ('x"y', "<b>quoted</b>"),
    (3, 4),
    ("", [("z", "In a group without a name")]),
]


@pytest.mark.parametrize("value", [None, "", "a&b", "c", 3, "3", "z", 'x"y', "not a choice", ["c", "z"]])
def test_the_markup_is_djangos_select_markup(value):
    attrs = {"id": "id_choice", "required": True, "aria-describedby": "id_choice_helptext"}

    ours = RenderedOnceSelect(choices=CHOICES).render("choice", value, attrs)

    assert ours == forms.Select(choices=CHOICES).render("choice", value, attrs)


def test_only_one_option_is_selected_and_the_next_render_forgets_it():
    widget = RenderedOnceSelect(choices=CHOICES)

    assert widget.render("choice", "a&b", {}).count(" selected") == 1
    assert 'value="c" selected' in widget.render("choice", "c", {})
    assert 'value="a&amp;b" selected' not in widget.render("choice", "c", {})


def test_each_language_gets_its_own_labels():
    choices = [("yes", _("Yes")), ("no", _("No"))]
    widget = RenderedOnceSelect(choices=choices)

    english = widget.render("answer", "yes", {})
    with translation.override("ko"):
        korean = widget.render("answer", "yes", {})

    assert ">Yes<" in english and ">Yes<" not in korean
    with translation.override("ko"):
        assert korean == forms.Select(choices=choices).render("answer", "yes", {})


def test_a_changed_list_of_choices_renders_anew():
    widget = RenderedOnceSelect(choices=[("a", "A")])
    widget.render("letter", "a", {})

    widget.choices = [("a", "A"), ("b", "B")]

    assert 'value="b"' in widget.render("letter", "a", {})
