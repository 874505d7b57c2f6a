"""The applicant's status page: where the submission stands, what happened, and what they can do now."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ..actors import ApplicantActor
from ..exceptions import MissingTransitionInput, TransitionError
from ..forms import WithdrawForm
from ..models import APPLICANT_LABELS, TransitionLog
from ..registry import submission_for_token
from ..services.records import records_filter
from ..services.submissions import submission_resubmit


def _submission_or_404(token):
    submission = submission_for_token(token)
    if submission is None:
        raise Http404("No such status link.")
    return submission


def _private(response):
    # The URL is the secret: never cached, never sent to another site as a referrer. "same-origin", not
    # "no-referrer": with no-referrer, browsers send "Origin: null" on the page's own forms (withdraw, edit),
    # which Django's CSRF check rightly refuses.
    patch_cache_control(response, no_store=True, private=True)
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def applicant_label(submission, state: str) -> str:
    label_for = getattr(submission, "applicant_label_for", None)
    if label_for is not None:
        return str(label_for(state))
    return str(APPLICANT_LABELS.get(state, state))


def applicant_timeline(submission) -> list[dict]:
    """State changes with their applicant-facing labels and the messages to the applicant; never internal notes."""
    entries = TransitionLog.objects.filter(**records_filter(submission)).order_by("timestamp", "pk")
    return [
        {
            "timestamp": entry.timestamp,
            "label": applicant_label(submission, entry.to_state),
            "by_applicant": entry.by_applicant,
            "message": entry.message,
        }
        for entry in entries
    ]


def applicant_actions(submission) -> set[str]:
    """Names of the transitions the applicant may perform now (e.g. "withdraw", "resubmit")."""
    available = getattr(submission, "get_available_user_state_transitions", None)
    if available is None:
        return set()
    return {transition.name for transition in available(ApplicantActor.for_submission(submission))}


def _kind_label(submission) -> str:
    return str(getattr(submission, "kind_label", submission._meta.verbose_name))


def _status_context(submission, token) -> dict:
    return {
        "submission": submission,
        "token": token,
        "kind_label": _kind_label(submission),
        "state_label": getattr(submission, "applicant_state_label", ""),
        "state_explanation": getattr(submission, "applicant_state_explanation", ""),
        "timeline": applicant_timeline(submission),
        "actions": applicant_actions(submission),
        "files": submission.files.current() if hasattr(submission, "files") else [],
    }


@require_http_methods(["GET", "HEAD"])
def status_page(request, token):
    submission = _submission_or_404(token)
    return _private(TemplateResponse(request, "workflows/status_page.html", _status_context(submission, token)))


@require_http_methods(["GET", "HEAD", "POST"])
def status_withdraw(request, token):
    """GET: the confirmation step. POST with the box ticked: withdraw through the transition service."""
    submission = _submission_or_404(token)
    if "withdraw" not in applicant_actions(submission):
        messages.error(request, _("This application can no longer be withdrawn."))
        return redirect("workflow_forms:status", token=token)
    form = WithdrawForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        from ..services.transitions import perform_transition

        try:
            perform_transition(application=submission, name="withdraw", applicant_token=token, confirm=True)
        except TransitionError as error:
            messages.error(request, str(error.message))
        else:
            messages.success(request, _("Your application has been withdrawn."))
        return redirect("workflow_forms:status", token=token)
    context = {**_status_context(submission, token), "form": form}
    return _private(TemplateResponse(request, "workflows/status_withdraw.html", context))


def _resubmit_initial(submission) -> dict:
    return {
        name: answer.get("value") for name, answer in (submission.answers or {}).items() if isinstance(answer, dict)
    }


@require_http_methods(["GET", "HEAD", "POST"])
def status_edit(request, token):
    """Edit and resubmit: the same form as a new submission, filled in with the previous answers."""
    submission = _submission_or_404(token)
    if "resubmit" not in applicant_actions(submission):
        messages.error(request, _("Your application cannot be edited now: no changes have been requested."))
        return redirect("workflow_forms:status", token=token)
    form_page = submission.form_page.specific if submission.form_page_id else None
    if form_page is None or not hasattr(form_page, "get_form"):
        messages.error(request, _("The form of this application is no longer online. Please write to us instead."))
        return redirect("workflow_forms:status", token=token)

    # A fresh copy: the form writes its values onto its instance while validating.
    instance = type(submission)._default_manager.get(pk=submission.pk)
    form_kwargs = {
        "page": form_page,
        "user": request.user,
        "instance": instance,
        "initial": _resubmit_initial(submission),
    }
    if request.method == "POST":
        form = form_page.get_form(request.POST, request.FILES, **form_kwargs)
        if form.is_valid():
            try:
                submission_resubmit(
                    submission=submission, token=token, cleaned_data=form.cleaned_data, files=form.uploads()
                )
            except MissingTransitionInput as error:
                for field, message in error.field_errors.items():
                    form.add_error(field if field in form.fields else None, message)
            except TransitionError as error:
                messages.error(request, str(error.message))
                return redirect("workflow_forms:status", token=token)
            else:
                messages.success(request, _("Thank you: your edited application has been sent for review."))
                return redirect("workflow_forms:status", token=token)
    else:
        form = form_page.get_form(**form_kwargs)
    context = _status_context(submission, token)
    context.update(
        form_page=form_page,
        form=form,
        form_sections=form_page.form_sections(form),
        reviewers_message=next((entry["message"] for entry in reversed(context["timeline"]) if entry["message"]), ""),
    )
    return _private(TemplateResponse(request, "workflows/status_edit.html", context))
