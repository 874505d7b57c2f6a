"""The applicant's status page: where the submission stands, what happened, and what they can do now."""

from django.contrib import messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..exceptions import TransitionError
from ..forms import WithdrawForm
from ..models.places import AbstractRegistration
from ..selectors.applicant import (
    applicant_status,
    private_status_response,
    reviewers_last_message,
)
from ..services.resubmission import (
    FormPageOffline,
    resubmission_form,
    resubmission_form_page,
    resubmission_submit,
)
from ..services.transitions import perform_transition
from .status_link import submission_for_token, wrong_tokens_limited


def _status_context(submission, token) -> dict:
    return {
        **applicant_status(submission),
        "submission": submission,
        "token": token,
        # A registration's page speaks of a registration and its organisers, not an application and reviewers.
        "is_registration": isinstance(submission, AbstractRegistration),
    }


def _render(request, template: str, context: dict):
    return private_status_response(TemplateResponse(request, template, context))


def _back_to_status(request, token, error: str = ""):
    if error:
        messages.error(request, error)
    return redirect("workflow_forms:status", token=token)


@require_http_methods(["GET", "HEAD"])
@wrong_tokens_limited
def status_page(request, token):
    submission = submission_for_token(request, token)
    return _render(request, "workflows/status_page.html", _status_context(submission, token))


def confirm_step(request, token, *, action: str, form_class, template: str, refused: str, perform, done: str):
    """A status-link confirmation step: GET shows it; POST with the box ticked runs ``perform(submission)``.

    ``action`` must be one the applicant can take now, else back to the status page with ``refused``;
    ``done`` is the success message.
    """
    submission = submission_for_token(request, token)
    context = _status_context(submission, token)
    if action not in context["actions"]:
        return _back_to_status(request, token, refused)
    form = form_class(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            perform(submission)
        except TransitionError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, done)
        return _back_to_status(request, token)
    return _render(request, template, {**context, "form": form})


@require_http_methods(["GET", "HEAD", "POST"])
@wrong_tokens_limited
def status_withdraw(request, token):
    """GET: the confirmation step. POST with the box ticked: withdraw through the transition service."""
    return confirm_step(
        request,
        token,
        action="withdraw",
        form_class=WithdrawForm,
        template="workflows/status_withdraw.html",
        refused=_("This application can no longer be withdrawn."),
        perform=lambda submission: perform_transition(
            application=submission, name="withdraw", applicant_token=token, confirm=True
        ),
        done=_("Your application has been withdrawn."),
    )


def _edit_form(request, submission, token):
    """The form to show again, or None when the resubmission went through or was refused."""
    form_page = resubmission_form_page(submission)
    if request.method != "POST":
        return resubmission_form(form_page=form_page, submission=submission, user=request.user)
    try:
        result = resubmission_submit(
            form_page=form_page,
            submission=submission,
            data=request.POST,
            files=request.FILES,
            token=token,
            user=request.user,
        )
    except TransitionError as error:
        messages.error(request, str(error.message))
        return None
    if result.submission is None:
        return result.form
    messages.success(request, _("Thank you: your edited application has been sent for review."))
    return None


@require_http_methods(["GET", "HEAD", "POST"])
@wrong_tokens_limited
def status_edit(request, token):
    """Edit and resubmit: the same form as a new submission, filled in with the previous answers."""
    submission = submission_for_token(request, token)
    context = _status_context(submission, token)
    if "resubmit" not in context["actions"]:
        return _back_to_status(
            request, token, _("Your application cannot be edited now: no changes have been requested.")
        )
    try:
        form = _edit_form(request, submission, token)
    except FormPageOffline:
        return _back_to_status(
            request, token, _("The form of this application is no longer online. Please write to us instead.")
        )
    if form is None:
        return _back_to_status(request, token)
    context.update(
        form_page=form.page,
        form=form,
        form_sections=form.page.form_sections(form),
        reviewers_message=reviewers_last_message(context["timeline"]),
    )
    return _render(request, "workflows/status_edit.html", context)
