"""The application states, with what staff and applicants are shown for each."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ApplicationState(models.TextChoices):
    """Staff labels. Applicants see APPLICANT_LABELS instead."""

    SUBMITTED = "submitted", _("Submitted")
    REVIEWED = "reviewed", _("Reviewed")
    CHANGES_REQUESTED = "changes_requested", _("Changes requested")
    ASSIGNED = "assigned", _("Assigned")
    ACTIVE = "active", _("Active")
    REJECTED = "rejected", _("Rejected")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    ENDED = "ended", _("Ended")


APPLICANT_LABELS = {
    ApplicationState.SUBMITTED: _("Received"),
    ApplicationState.REVIEWED: _("Under review"),
    ApplicationState.CHANGES_REQUESTED: _("Changes needed"),
    ApplicationState.ASSIGNED: _("Accepted, being set up"),
    ApplicationState.ACTIVE: _("Active"),
    ApplicationState.REJECTED: _("Not accepted"),
    ApplicationState.WITHDRAWN: _("Withdrawn"),
    ApplicationState.ENDED: _("Ended"),
}

APPLICANT_EXPLANATIONS = {
    ApplicationState.SUBMITTED: _("We have received your application and will review it soon."),
    ApplicationState.REVIEWED: _("A reviewer has read your application; coordinators are deciding where it fits."),
    ApplicationState.CHANGES_REQUESTED: _(
        "The reviewers need more information: read their message, then edit and resubmit your application."
    ),
    ApplicationState.ASSIGNED: _("Your application was accepted into a cluster; its leader will confirm shortly."),
    ApplicationState.ACTIVE: _("You are a participant of the cluster and can take part in its activities."),
    ApplicationState.REJECTED: _("Your application was not accepted. Any message from the reviewers is below."),
    ApplicationState.WITHDRAWN: _("You withdrew this application. Nothing more will happen with it."),
    ApplicationState.ENDED: _("Your participation in the cluster has ended."),
}
