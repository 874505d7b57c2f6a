"""Staff endpoints (bearer token; the admin's visibility rule): the queue, an application, transitions, notes."""

from django.http import Http404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination

from ...exceptions import TransitionError, UnknownTransition
from ...models import ApplicationState
from ...selectors.staff import application_visible_to, applications_visible_to, specifics_of_keys
from ...services.assessment_rules import conflict_refusal_text, user_has_conflict
from ...services.assessments import assessment_give
from ...services.records import note_add
from ...services.transitions import (
    StaffTransitionsMemo,
    available_transitions,
    perform_transition,
    transition_names,
)
from ...specs import spec_for
from .. import links, reads
from ..filters import filter_params_schema, filtered_applications
from ..params import ObjectId, Pagination
from ..problems import field_errors_problem, merge_openapi, problem_responses, transition_error_problem
from ..schemas import (
    ApplicationDetail,
    ApplicationList,
    AssessmentIn,
    AssessmentOut,
    AssessmentsOut,
    InternalNoteOut,
    NoteIn,
    TransitionIn,
    TransitionOut,
)

router = Router(tags=["applications"], auth=BearerTokenAuth())

#: Built when the routers are wired, once the models are loaded: the ``kind`` filter lists the site's kinds.
ApplicationFilters = filter_params_schema()


def _application_or_404(request, application_id: int):
    application = application_visible_to(user=request.user, pk=application_id)
    if application is None:
        raise Http404(_("No application with this id is visible to you."))
    return application


@router.get(
    "/",
    response=ApplicationList,
    url_name="workflow_forms_applications",
    operation_id="applications_list",
    summary="List applications (staff)",
    description="The applications this token's user may see (cluster leaders: their clusters' only), "
    "filtered and ordered, with the transitions the user may perform on each now.",
    openapi_extra=merge_openapi(problem_responses(400, 401, 422), links.APPLICATIONS_LIST),
)
def list_applications(
    request,
    filters: ApplicationFilters = Query(...),  # type: ignore[valid-type]  # noqa: B008 - ninja's idiom
    pagination: Pagination = Query(...),  # noqa: B008
):
    queryset, errors = filtered_applications(
        filters, queryset=applications_visible_to(user=request.user), request=request
    )
    if errors:
        return field_errors_problem(errors, loc_prefix="query")
    # The page as (pk, kind) pairs (a narrow query: the ordering's columns and the key), then each row once,
    # from its kind's table: not the queue's wide rows first and then the same rows again as their kinds.
    keys = queryset.values_list("pk", "kind_id")
    page = WagtailLimitOffsetPagination().paginate_queryset(keys, pagination=pagination, request=request)
    applications = specifics_of_keys(list(page["items"]))
    transitions = StaffTransitionsMemo(user=request.user)
    items = [reads.list_item(app, user=request.user, transitions=transitions(app)) for app in applications]
    return {"count": page["count"], "items": items}


@router.get(
    "/{application_id}/",
    response=ApplicationDetail,
    url_name="workflow_forms_application",
    operation_id="applications_detail",
    summary="An application in full (staff)",
    description="Answers with their labels, files (download links), the timeline and the internal notes.",
    openapi_extra=merge_openapi(problem_responses(401, 404, 422), links.APPLICATION),
)
def application_detail(request, application_id: ObjectId):
    application = _application_or_404(request, application_id)
    return reads.detail(application, user=request.user, request=request)


def _transition_refusal(application, name: str, data: TransitionIn):
    """A problem response when the request cannot be a transition of ``application``, else None."""
    if name not in transition_names(type(application)):
        return transition_error_problem(UnknownTransition())
    if data.expected_state is not None and data.expected_state != application.state:
        return problem_response(
            status=409,
            detail=_("The application is %(state)s now, not %(expected)s. Reload it and try again.")
            % {"state": application.state, "expected": data.expected_state.value},
        )
    if data.target is not None and "target" not in spec_for(type(application), name).inputs:
        return field_errors_problem({"target": _("This transition takes no target.")})
    return None


@router.post(
    "/{application_id}/transitions/{name}/",
    response=TransitionOut,
    url_name="workflow_forms_transition",
    operation_id="applications_transition",
    summary="Perform a transition (staff)",
    description="review, request_changes (message), assign (target), activate, reject (note), end (note), "
    "reopen (note). 403: not permitted; 409: not possible from the current state, or the state changed "
    "(also when it differs from expected_state); 422: a required input is missing; 404: no such "
    "transition or application.",
    openapi_extra=merge_openapi(problem_responses(400, 401, 403, 404, 409, 422), links.APPLICATION),
)
def transition(request, application_id: ObjectId, name: str, data: TransitionIn):
    application = _application_or_404(request, application_id)
    refusal = _transition_refusal(application, name, data)
    if refusal:
        return refusal
    params = {"target": data.target} if "target" in spec_for(type(application), name).inputs else {}
    from_state = application.state
    try:
        updated = perform_transition(
            application=application, name=name, user=request.user, note=data.note, message=data.message, **params
        )
    except TransitionError as error:
        return transition_error_problem(error)
    return {
        "id": updated.pk,
        "reference": updated.reference,
        "transition": name,
        "from_state": from_state,
        "state": updated.state,
        "state_label": str(ApplicationState(updated.state).label),
        "available_transitions": available_transitions(application=updated, user=request.user),
    }


@router.post(
    "/{application_id}/notes/",
    response={201: InternalNoteOut},
    url_name="workflow_forms_notes",
    operation_id="applications_add_note",
    summary="Add an internal note (staff)",
    description="Reviewers, coordinators and the leaders of the assigned page; never shown to the applicant.",
    openapi_extra=problem_responses(400, 401, 403, 404, 422),
)
def add_note(request, application_id: ObjectId, data: NoteIn):
    application = _application_or_404(request, application_id)
    try:
        note = note_add(application=application, user=request.user, text=data.text)
    except TransitionError as error:
        return transition_error_problem(error)
    return Status(201, reads.note_out(note))


@router.get(
    "/{application_id}/assessments/",
    response=AssessmentsOut,
    url_name="workflow_forms_assessments",
    operation_id="applications_assessments",
    summary="The assessments of an application (staff)",
    description="Every reviewer's scores, recommendation and comment, every round (latest first), the kind's "
    "criteria and the latest round's aggregate. Never shown to the applicant on the status page, in mails or the "
    "applicant API; an applicant's copy of their data includes the assessments given, without reviewers' names. "
    "403: the token's user declared a conflict of interest with this application.",
    openapi_extra=problem_responses(401, 403, 404, 422),
)
def list_assessments(request, application_id: ObjectId):
    application = _application_or_404(request, application_id)
    if user_has_conflict(submission=application, user=request.user):
        return problem_response(status=403, detail=conflict_refusal_text())
    return reads.assessments(application)


@router.post(
    "/{application_id}/assessments/",
    response={200: AssessmentOut, 201: AssessmentOut},
    url_name="workflow_forms_assessment_give",
    operation_id="applications_assessment_give",
    summary="Give or change your assessment (staff)",
    description="The token's user's assessment in the current round: 201 the first time, 200 for a change. "
    "403: no assessment was requested from this user, or they may not assess it; 409: the application has "
    "moved on since it was requested; 422: a criterion without a score, an unknown or repeated criterion.",
    openapi_extra=problem_responses(400, 401, 403, 404, 409, 422),
)
def give_assessment(request, application_id: ObjectId, data: AssessmentIn):
    application = _application_or_404(request, application_id)
    criteria = [item.criterion for item in data.scores]
    if len(criteria) != len(set(criteria)):
        return field_errors_problem({"scores": _("Score each criterion once.")})
    try:
        before = assessment_give(
            submission=application,
            user=request.user,
            scores={item.criterion: item.score for item in data.scores},
            recommendation=data.recommendation,
            comment=data.comment,
        )
    except TransitionError as error:
        return transition_error_problem(error)
    first_time = before.given_at == before.changed_at
    return Status(201 if first_time else 200, reads.assessment_out(before))
