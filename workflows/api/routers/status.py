"""The applicant's status link: what the status page shows, withdraw, edit-and-resubmit, and cancel a registration."""

import functools

from django.http import HttpResponse
from django.utils.translation import gettext as _
from ninja import Router
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import problem_response

from ...abuse import TooManyWrongTokens, status_link_attempt
from ...exceptions import TransitionError
from ...selectors.applicant import (
    applicant_actions,
    applicant_status,
    private_status_response,
    submission_for_status_link,
)
from ...services.places import registration_cancel
from ...services.resubmission import FormPageOffline, resubmission_form_page, resubmission_submit
from ...services.transitions import perform_transition, transition_names
from .. import links
from ..answers import ANSWERS_REQUEST_BODY, BadAnswers, answers_from_request
from ..problems import (
    STATUS_LINK_LIMITED,
    field_errors_problem,
    form_errors_problem,
    merge_openapi,
    problem_responses,
    transition_error_problem,
)
from ..schemas import ApplicationStatus, CancelIn, WithdrawIn

router = Router(tags=["applications"], auth=AllowAnonymous())


def status_data(submission, response: HttpResponse) -> dict:
    """The applicant's status as the API's ``ApplicationStatus``, on a private response."""
    # A JSON answer has no forms of its own: no referrer at all.
    private_status_response(response, referrer_policy="no-referrer")
    status = applicant_status(submission)
    status["files"] = [
        {"name": record.original_name, "size": record.size, "question": record.field_label}
        for record in status["files"]
    ]
    return status


def _too_many_wrong_tokens(refusal: TooManyWrongTokens) -> HttpResponse:
    response = problem_response(
        status=429,
        detail=_("Too many status tokens that do not exist were tried from your address; try again later."),
    )
    response.headers["Retry-After"] = str(refusal.retry_after)
    return response


def wrong_tokens_refused(endpoint):
    """Every status endpoint: a 429 problem, with ``Retry-After``, while the address has used up its wrong tokens."""

    @functools.wraps(endpoint)
    def wrapped(request, *args, **kwargs):
        try:
            return endpoint(request, *args, **kwargs)
        except TooManyWrongTokens as refusal:
            return _too_many_wrong_tokens(refusal)

    return wrapped


def _submission(request, token: str):
    """The token's submission; a 404 counts against the address's wrong tokens (``abuse.status_link_attempt``)."""
    return status_link_attempt(request, lambda: submission_for_status_link(token))


def _applicant_refusal(submission, name: str):
    if name not in transition_names(type(submission)) or name not in applicant_actions(submission):
        return problem_response(status=409, detail=_("This is not possible for this application now."))
    return None


@router.get(
    "/status/{token}/",
    response=ApplicationStatus,
    url_name="workflow_forms_status",
    operation_id="applications_status",
    summary="The applicant's status",
    description="What the status page shows, for the holder of the private status token.",
    openapi_extra=merge_openapi(problem_responses(404, 429, overrides=STATUS_LINK_LIMITED), links.STATUS),
)
@wrong_tokens_refused
def status(request, token: str, response: HttpResponse):
    submission = _submission(request, token)
    return status_data(submission, response)


@router.post(
    "/status/{token}/withdraw/",
    response=ApplicationStatus,
    url_name="workflow_forms_status_withdraw",
    operation_id="applications_status_withdraw",
    summary="Withdraw (the applicant)",
    openapi_extra=merge_openapi(
        problem_responses(400, 404, 409, 422, 429, overrides=STATUS_LINK_LIMITED), links.STATUS
    ),
)
@wrong_tokens_refused
def withdraw(request, token: str, data: WithdrawIn, response: HttpResponse):
    submission = _submission(request, token)
    refusal = _applicant_refusal(submission, "withdraw")
    if refusal:
        return refusal
    try:
        updated = perform_transition(
            application=submission, name="withdraw", applicant_token=token, confirm=data.confirm
        )
    except TransitionError as error:
        return transition_error_problem(error)
    return status_data(updated, response)


@router.post(
    "/status/{token}/resubmit/",
    response=ApplicationStatus,
    url_name="workflow_forms_status_resubmit",
    operation_id="applications_status_resubmit",
    summary="Edit and resubmit (the applicant, when changes were requested)",
    description="The complete edited answers, as for a new submission; validated by the same form.",
    openapi_extra=merge_openapi(
        ANSWERS_REQUEST_BODY,
        problem_responses(400, 404, 409, 415, 422, 429, overrides=STATUS_LINK_LIMITED),
        links.STATUS,
    ),
)
@wrong_tokens_refused
def resubmit(request, token: str, response: HttpResponse):
    submission = _submission(request, token)
    refusal = _applicant_refusal(submission, "resubmit")
    if refusal:
        return refusal
    try:
        form_page = resubmission_form_page(submission)
        data, files = answers_from_request(request)
        result = resubmission_submit(form_page=form_page, submission=submission, data=data, files=files, token=token)
    except FormPageOffline:
        return problem_response(status=409, detail=_("The form of this application is no longer online."))
    except BadAnswers as error:
        return error.response
    except TransitionError as error:
        return transition_error_problem(error)
    if result.submission is None:
        return form_errors_problem(result.form)
    return status_data(result.submission, response)


@router.post(
    "/status/{token}/cancel/",
    response=ApplicationStatus,
    url_name="workflow_forms_status_cancel",
    operation_id="applications_status_cancel",
    summary="Cancel a registration (the registrant)",
    description="For a registration kind (places and a waiting list): the place goes to the first person waiting, "
    "who is confirmed and mailed at once. Nobody is mailed about the registration afterwards, but for this "
    "cancellation's own mail.",
    openapi_extra=merge_openapi(
        problem_responses(400, 404, 409, 422, 429, overrides=STATUS_LINK_LIMITED), links.STATUS
    ),
)
@wrong_tokens_refused
def cancel(request, token: str, data: CancelIn, response: HttpResponse):
    submission = _submission(request, token)
    refusal = _applicant_refusal(submission, "cancel")
    if refusal:
        return refusal
    if not data.confirm:
        message = _("Tick the box to confirm that you want to cancel your registration.")
        return field_errors_problem({"confirm": message})
    try:
        updated = registration_cancel(registration=submission, applicant_token=token)
    except TransitionError as error:
        return transition_error_problem(error)
    return status_data(updated, response)
