"""Forms of the applicant's status page and of the lost-link page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .honeypot import WithHoneypot


class WithdrawForm(forms.Form):
    """The second step of withdrawing: the applicant confirms they mean it."""

    confirm = forms.BooleanField(
        label=_("Yes, withdraw my application. I understand this cannot be undone by me."),
        required=True,
        error_messages={"required": _("Tick the box to confirm that you want to withdraw your application.")},
    )


class LostLinkForm(WithHoneypot, forms.Form):
    """Asks for the e-mail address the applications were made with."""

    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("The address you gave in your application."),
        error_messages={
            "required": _("Enter the e-mail address you applied with."),
            "invalid": _("Enter a valid e-mail address, like name@example.org."),
        },
    )
