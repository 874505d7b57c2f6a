"""Staff endpoints on assessment requests (bearer token): who was asked and the state of each request, asking
reviewers with a due date, and declining one's own request (not available, or a conflict of interest)."""

from django.contrib.auth import get_user_model
from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Router, Status
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response

from ...exceptions import TransitionError
from ...selectors.assessment_requests import request_state
from ...selectors.staff import application_visible_to
from ...services.assessment_requests import assessment_decline
from ...services.assessment_rules import conflict_refusal_text, site_today, user_has_conflict
from ...services.assessments import assessments_of, assessments_request
from ...services.assessors import user_may_request_assessments
from ..params import MAX_ID, ObjectId
from ..problems import field_errors_problem, problem_responses, transition_error_problem
from ..schemas import AssessmentRequestIn, AssessmentRequestOut, AssessmentRequestsOut, DeclineIn

router = Router(tags=["applications"], auth=BearerTokenAuth())


def _application_or_404(request, application_id: int):
    application = application_visible_to(user=request.user, pk=application_id)
    if application is None:
        raise Http404(_("No application with this id is visible to you."))
    return application


def _name(user) -> str:
    return (user.get_full_name() or user.get_username()) if user else ""


def request_out(assessment, *, today, with_notes: bool, viewer_id: int | None = None) -> dict:
    """One request; why it was declined only for those who may see declarations (``with_notes``: coordinators)
    and the person who declined."""
    state = request_state(assessment, today=today)
    with_reason = with_notes or (viewer_id is not None and assessment.reviewer_id == viewer_id)
    return {
        "id": assessment.pk,
        "reviewer_id": assessment.reviewer_id,
        "reviewer": _name(assessment.reviewer),
        "requested_by": _name(assessment.requested_by),
        "round": assessment.round,
        "requested_at": assessment.requested_at,
        "due_date": assessment.due_date,
        "state": state,
        "overdue": state == "overdue",
        "declined_at": assessment.declined_at,
        "decline_reason": (assessment.decline_reason or None) if with_reason else None,
        "decline_note": assessment.decline_note if with_notes and assessment.declined_at else None,
        "withdrawn_at": assessment.withdrawn_at,
    }


def _requests(application, user) -> list[dict]:
    today = site_today()
    with_notes = user_may_request_assessments(submission=application, user=user)
    rows = assessments_of(application).select_related("reviewer", "requested_by").order_by("-round", "pk")
    return [request_out(row, today=today, with_notes=with_notes, viewer_id=user.pk) for row in rows]


@router.get(
    "/{application_id}/assessments/requests/",
    response=AssessmentRequestsOut,
    url_name="workflow_forms_assessment_requests",
    operation_id="applications_assessment_requests",
    summary="Who was asked to assess, and each request's state (staff)",
    description="Every request (latest round first) with its due date and state: awaited, overdue, given, "
    "declined, withdrawn or closed. 403: the token's user declared a conflict of interest with this application.",
    openapi_extra=problem_responses(401, 403, 404, 422),
)
def list_requests(request, application_id: ObjectId):
    application = _application_or_404(request, application_id)
    if user_has_conflict(submission=application, user=request.user):
        return problem_response(status=403, detail=conflict_refusal_text())
    return {"items": _requests(application, request.user)}


@router.post(
    "/{application_id}/assessments/requests/",
    response={201: AssessmentRequestsOut},
    url_name="workflow_forms_assessment_request",
    operation_id="applications_assessment_request",
    summary="Ask reviewers to assess, with a due date (staff)",
    description="Asks each reviewer (mailed a link, in their admin language, stating the due date) in the current "
    "round; those already asked in it are skipped. Answers the requests made. 403: the token's user may not "
    "request assessments, or a reviewer may not assess it (e.g. a declared conflict of interest); 409: the "
    "application is in a state where no assessment can inform a decision; 422: an unknown reviewer id, or a "
    "due date that has passed.",
    openapi_extra=problem_responses(400, 401, 403, 404, 409, 422),
)
def make_requests(request, application_id: ObjectId, data: AssessmentRequestIn):
    application = _application_or_404(request, application_id)
    ids = list(dict.fromkeys(data.reviewers))
    if any(not 1 <= pk <= MAX_ID for pk in ids):
        return field_errors_problem({"reviewers": _("Reviewer ids are whole numbers from 1.")})
    reviewers = list(get_user_model().objects.filter(pk__in=ids, is_active=True))
    unknown = sorted(set(ids) - {user.pk for user in reviewers})
    if unknown:
        return field_errors_problem(
            {"reviewers": _("No active user has the id %(ids)s.") % {"ids": ", ".join(map(str, unknown))}}
        )
    reviewers.sort(key=lambda user: ids.index(user.pk))
    try:
        created = assessments_request(
            submission=application, reviewers=reviewers, user=request.user, due_date=data.due_date
        )
    except TransitionError as error:
        return transition_error_problem(error)
    today = site_today()
    return Status(201, {"items": [request_out(row, today=today, with_notes=True) for row in created]})


@router.post(
    "/{application_id}/assessments/decline/",
    response=AssessmentRequestOut,
    url_name="workflow_forms_assessment_decline",
    operation_id="applications_assessment_decline",
    summary="Decline your own assessment request (staff)",
    description="reason: conflict_of_interest (recorded: never offered for this application again, and refused "
    "its assessments) or unavailable; an optional note for the coordinators. The coordinator who asked is mailed. "
    "403: no open request waits for the token's user; 409: given already, or the application moved on; 422: "
    "invalid input.",
    openapi_extra=problem_responses(400, 401, 403, 404, 409, 422),
)
def decline(request, application_id: ObjectId, data: DeclineIn):
    application = _application_or_404(request, application_id)
    try:
        declined = assessment_decline(submission=application, user=request.user, reason=data.reason, note=data.note)
    except TransitionError as error:
        return transition_error_problem(error)
    return request_out(declined, today=site_today(), with_notes=True)
