"""The registrant's form on their status page: confirming a cancellation."""

from django import forms
from django.utils.translation import gettext_lazy as _


class CancelRegistrationForm(forms.Form):
    """The second step of cancelling: the registrant confirms they give their place (or their turn) up."""

    confirm = forms.BooleanField(
        label=_("Yes, cancel my registration. I understand my place goes to the next person waiting."),
        required=True,
        error_messages={"required": _("Tick the box to confirm that you want to cancel your registration.")},
    )
