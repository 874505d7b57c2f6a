"""The registrant's cancellation from their status link (a registration kind's ``cancel`` transition)."""

from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..forms.places import CancelRegistrationForm
from ..services.places import registration_cancel
from .status import confirm_step
from .status_link import wrong_tokens_limited


@require_http_methods(["GET", "HEAD", "POST"])
@wrong_tokens_limited
def status_cancel(request, token):
    """GET: the confirmation step. POST with the box ticked: cancel; the place goes to the first person waiting."""
    return confirm_step(
        request,
        token,
        action="cancel",
        form_class=CancelRegistrationForm,
        template="workflows/status_cancel.html",
        refused=_("This registration can no longer be cancelled."),
        perform=lambda submission: registration_cancel(registration=submission, applicant_token=token),
        done=_("Your registration is cancelled. Thank you for letting us know."),
    )
