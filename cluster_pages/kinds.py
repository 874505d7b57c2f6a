"""What the workflow-forms plugin asks of this site, per submission kind and per target, in one place.

Registered in ``ClusterPagesConfig.ready()``: the kinds' forms, the pages applications may be assigned to,
what a transition does beyond the row (membership, a draft cluster), and who leads a cluster.
"""

from workflows.adapters import KindAdapter, TargetAdapter, register_kind, register_target
from workflows.places_adapter import RegistrationKindAdapter

from .application_forms import CityApplicationForm, CompanyRegistrationForm, ThemeSuggestionForm
from .clusters_once import clusters_once
from .leadership import clusters_led_by, leaders_of, leaders_of_clusters
from .meetings.forms import EventRegistrationForm
from .meetings.ical import session_attachments
from .membership import membership_after_transition
from .models import CityApplication, CompanyRegistration, EventRegistration, ThematicClusterPage, ThemeSuggestion
from .services import cluster_draft_from_suggestion


class ClusterApplicationAdapter(KindAdapter):
    """Applications to clusters: assigned to each cluster once, and making members when activated or ended."""

    def __init__(self, form_class):
        self.form_class = form_class

    def assignable_pages(self, model):
        """Each cluster once, as its default-language page, named in the reviewer's language."""
        return clusters_once(ThematicClusterPage.objects.all())

    def after_transition(self, submission, *, name: str, actor, log_entry) -> None:
        membership_after_transition(application=submission, name=name)


class ThemeSuggestionAdapter(KindAdapter):
    """Theme suggestions: accepting one starts a draft "forming" cluster page for editors to finish."""

    form_class = ThemeSuggestionForm

    def after_transition(self, submission, *, name: str, actor, log_entry) -> None:
        # Inside perform_transition's lock and transaction: no way of accepting can skip the draft.
        if name == "accept":
            submission.cluster_page = cluster_draft_from_suggestion(suggestion=submission)
            submission.save(update_fields=["cluster_page"])


class EventRegistrationAdapter(RegistrationKindAdapter):
    """Registrations for an event's sessions: the plugin's places, with the site's form."""

    form_class = EventRegistrationForm

    def mail_attachments(self, submission, *, template: str) -> list[tuple[str, bytes, str]]:
        return session_attachments(submission, template=template)


class ClusterAdapter(TargetAdapter):
    """A cluster is managed by its active leader accounts (granted in Applications › Cluster leaders)."""

    def managers(self, page) -> list:
        return leaders_of(cluster=page)

    def managers_of(self, pages) -> dict[int, list]:
        return leaders_of_clusters(clusters=pages)

    def pages_managed_by(self, user):
        return clusters_led_by(user=user)


def register() -> None:
    register_kind(CityApplication, ClusterApplicationAdapter(CityApplicationForm))
    register_kind(CompanyRegistration, ClusterApplicationAdapter(CompanyRegistrationForm))
    register_kind(ThemeSuggestion, ThemeSuggestionAdapter())
    register_kind(EventRegistration, EventRegistrationAdapter())
    register_target(ThematicClusterPage, ClusterAdapter())
