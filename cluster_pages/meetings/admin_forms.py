"""The event page's editing form: related clusters offered as the other pages offer them, and a session people
registered for cannot be removed from the page."""

from django.utils.translation import gettext_lazy as _

from ..models.listing_images import RelatedClustersForm

SESSION_HAS_REGISTRATIONS = _(
    "The session “%(session)s” has registrations, so it cannot be removed. Cancel them first, or close its "
    "registration instead."
)


class EventPageForm(RelatedClustersForm):
    def clean(self):
        cleaned_data = super().clean()
        from ..models import EventRegistration  # the models' module imports this form

        sessions = self.formsets.get("sessions")
        for form in getattr(sessions, "deleted_forms", []):
            session = form.instance
            if session.pk and EventRegistration.objects.filter(session_id=session.pk).exists():
                self.add_error(None, SESSION_HAS_REGISTRATIONS % {"session": session.title})
        return cleaned_data
