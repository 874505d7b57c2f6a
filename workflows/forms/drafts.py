"""“Save and continue later”: the one question it asks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .honeypot import WithHoneypot


class SaveForLaterForm(WithHoneypot, forms.Form):
    """The address the private link to the draft is mailed to."""

    email = forms.EmailField(
        max_length=254,  # the draft's column, as the applicant's address everywhere
        label=_("Your e-mail address"),
        help_text=_("We send a private link to your answers there. Anyone who has the link can see and change them."),
        error_messages={
            "required": _("Enter the e-mail address to send the link to."),
            "invalid": _("Enter a valid e-mail address, like name@example.org."),
        },
    )
