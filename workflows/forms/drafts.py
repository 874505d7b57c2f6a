"""“Save and continue later”: the one question it asks."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..abuse import HONEYPOT_FIELD_NAME, HoneypotField


class SaveForLaterForm(forms.Form):
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

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD_NAME] = HoneypotField()

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD_NAME]
