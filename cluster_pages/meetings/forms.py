"""The registration form of a session: who you are, your city, what you need, and the privacy consent."""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from workflows.forms import RenderedOnceSelect, WorkflowSubmissionForm

from ..application_forms import CONTACT_LABELS, EMAIL_MESSAGES, privacy_notice_link
from ..models import EventRegistration

PRIVACY_REQUIRED = _("You need to agree to the privacy notice so that we may keep your place.")


class EventRegistrationForm(WorkflowSubmissionForm):
    """A session's registration; for a member, their address is their account's and cannot be changed here."""

    def __init__(self, *args, member=False, **kwargs):
        super().__init__(*args, **kwargs)
        privacy = self.fields["consent_privacy"]
        privacy.required = True
        privacy.label = privacy_notice_link(
            self,
            gettext("I agree to the privacy notice: WeGO keeps my answers to handle this registration."),
            gettext(
                'I agree to the <a href="{url}">privacy notice</a>: WeGO keeps my answers to handle this registration.'
            ),
        )
        privacy.error_messages["required"] = PRIVACY_REQUIRED
        if member:
            email = self.fields["applicant_email"]
            email.disabled = True
            email.help_text = _("The address of your member account.")

    def registrant_fields(self) -> dict:
        """The registration's own fields, as ``registration_create`` takes them."""
        return {name: self.cleaned_data[name] for name in EventRegistration.core_fields}

    class Meta:
        model = EventRegistration
        fields = EventRegistration.core_fields
        widgets = {"country": RenderedOnceSelect}
        labels = {**CONTACT_LABELS, "applicant_name": _("Your full name")}
        error_messages = {"applicant_email": EMAIL_MESSAGES}
