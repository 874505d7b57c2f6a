"""An upload field's help text (its own words and the accepted types and size) is in the language of the request
that renders the form, not in the language the module happened to be imported in."""

from django import forms
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from workflows.forms.fields import UploadField


class BriefForm(forms.Form):
    # Declared at import, as every form class is: the help text must still follow the active language.
    brief = UploadField(label=_("Project brief"), required=False, help_text=_("Optional: upload a file."))


class BareForm(forms.Form):
    brief = UploadField(required=False)


def test_the_size_limit_sentence_is_in_the_active_language():
    with translation.override("ko"):
        korean = str(BareForm()["brief"].help_text)
    with translation.override("en"):
        english = str(BareForm()["brief"].help_text)

    assert "최대" in korean and "at most" not in korean
    assert "at most" in english


def test_an_own_help_text_is_followed_by_the_limits_in_the_same_language():
    with translation.override("ko"):
        rendered = BriefForm().as_div()

    assert "최대" in rendered
    assert "at most" not in rendered
    assert "Optional: upload a file." in rendered  # no Korean for this test's own words: shown as written
