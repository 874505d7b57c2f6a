from django import forms
from django.utils.translation import gettext_lazy as _


class CodeForm(forms.Form):
    """One code: 6 digits from the authenticator app or, at sign-in, a backup code."""

    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false", "autofocus": True}
        ),
    )

    def clean_code(self):
        code = "".join(self.cleaned_data["code"].split())
        if "\x00" in code:
            raise forms.ValidationError(_("Enter the code your app shows."), code="invalid")
        return code


class EnrolCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=12,
        help_text=_("The 6 digits the app shows for this account now."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )


class RenewCodeForm(CodeForm):
    """A code from the app, asked again before new backup codes are made (a passkey may stand in for it)."""

    code = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=12,
        required=False,
        help_text=_("The 6 digits the app shows now. A backup code does not count here."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "spellcheck": "false"}),
    )
