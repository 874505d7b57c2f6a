"""The registrant's cancellation from their status link (a registration kind's ``cancel`` transition)."""

from django.contrib import messages
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..exceptions import TransitionError
from ..forms.places import CancelRegistrationForm
from ..services.places import registration_cancel
from .status import _back_to_status, _render, _status_context
from .status_link import submission_for_token, wrong_tokens_limited


@require_http_methods(["GET", "HEAD", "POST"])
@wrong_tokens_limited
def status_cancel(request, token):
    """GET: the confirmation step. POST with the box ticked: cancel; the place goes to the first person waiting."""
    submission = submission_for_token(request, token)
    context = _status_context(submission, token)
    if "cancel" not in context["actions"]:
        return _back_to_status(request, token, _("This registration can no longer be cancelled."))
    form = CancelRegistrationForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            registration_cancel(registration=submission, applicant_token=token)
        except TransitionError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return _back_to_status(request, token)
    return _render(request, "workflows/status_cancel.html", {**context, "form": form})
