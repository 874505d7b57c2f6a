"""The application states: the staff label, the badge's tone and what the applicant is shown, per state."""

from django.utils.translation import gettext_lazy as _

from ..specs import StateChoices, state


class ApplicationState(StateChoices):
    """Each state with its staff label; ``applicant_label``, ``applicant_explanation`` and ``tone`` on the member."""

    SUBMITTED = state(
        "submitted",
        _("Submitted"),
        tone="new",
        applicant_label=_("Received"),
        applicant_explanation=_("We have received your application and will review it soon."),
    )
    REVIEWED = state(
        "reviewed",
        _("Reviewed"),
        tone="progress",
        applicant_label=_("Under review"),
        applicant_explanation=_("A reviewer has read your application; coordinators are deciding where it fits."),
    )
    CHANGES_REQUESTED = state(
        "changes_requested",
        _("Changes requested"),
        tone="waiting",
        applicant_label=_("Changes needed"),
        applicant_explanation=_(
            "The reviewers need more information: read their message, then edit and resubmit your application."
        ),
    )
    ASSIGNED = state(
        "assigned",
        _("Assigned"),
        tone="progress",
        applicant_label=_("Accepted, being set up"),
        applicant_explanation=_("Your application was accepted into a cluster; its leader will confirm shortly."),
    )
    ACTIVE = state(
        "active",
        _("Active"),
        tone="positive",
        applicant_label=_("Active"),
        applicant_explanation=_("You are a participant of the cluster and can take part in its activities."),
    )
    REJECTED = state(
        "rejected",
        _("Rejected"),
        tone="negative",
        applicant_label=_("Not accepted"),
        applicant_explanation=_("Your application was not accepted. Any message from the reviewers is below."),
    )
    WITHDRAWN = state(
        "withdrawn",
        _("Withdrawn"),
        tone="neutral",
        applicant_label=_("Withdrawn"),
        applicant_explanation=_("You withdrew this application. Nothing more will happen with it."),
    )
    ENDED = state(
        "ended",
        _("Ended"),
        tone="neutral",
        applicant_label=_("Ended"),
        applicant_explanation=_("Your participation in the cluster has ended."),
    )
