"""The applicant's status link, and the staff endpoints (bearer token; the admin's visibility rule)."""

from typing import Annotated, Literal

import ninja
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema, Status
from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.api.v3.pagination import WagtailLimitOffsetPagination, _get_max_limit

from ...exceptions import TransitionError, UnknownTransition
from ...models import Application, ApplicationState
from ...registry import submission_for_token
from ...selectors import submissions_visible_to, user_sees_all_submissions
from ...services.records import note_add
from ...services.submissions import submission_resubmit
from ...services.transitions import available_transitions, perform_transition, transition_names
from ...views.status import applicant_actions, applicant_label, applicant_timeline
from .. import kinds, links, reads
from ..answers import ANSWERS_REQUEST_BODY, BadAnswers, answers_from_request
from ..filters import ORDERINGS, ApplicationFilterSet
from ..forms import build_form
from ..problems import (
    field_errors_problem,
    form_errors_problem,
    merge_openapi,
    problem_responses,
    transition_error_problem,
)
from ..registration import MAX_OFFSET
from ..schemas import (
    ApplicationDetail,
    ApplicationList,
    ApplicationStatus,
    InternalNoteOut,
    NoteIn,
    TransitionIn,
    TransitionOut,
    WithdrawIn,
)

#: Ids above this reach no row, and past 2**63 SQLite fails with a 500: refused as invalid instead.
MAX_ID = 2**31 - 1
ObjectId = Annotated[int, ninja.Path(ge=1, le=MAX_ID)]
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"


def max_page_size() -> int | None:
    limit = _get_max_limit()
    return None if limit == float("inf") else int(limit)


class Pagination(WagtailLimitOffsetPagination.Input):
    """Wagtail's v3 limit/offset, with its maximum page size stated in the schema."""

    limit: int = Field(default=20, ge=1, le=max_page_size())
    offset: int = Field(default=0, ge=0, le=MAX_OFFSET)


def build_router() -> Router:
    """Built once the models are loaded: the ``kind`` filter lists the site's kinds."""
    router = Router(tags=["applications"])
    _add_status_endpoints(router)
    _add_staff_endpoints(router)
    return router


# -- the applicant ------------------------------------------------------------------------------------------


def _private(response: HttpResponse) -> None:
    # The URL holds the secret: never cached, never sent on as a referrer.
    response.headers["Cache-Control"] = "no-store, private"
    response.headers["Referrer-Policy"] = "no-referrer"


def _submission_or_404(token: str):
    submission = submission_for_token(token)
    if submission is None:
        raise Http404(_("No such status link."))
    return submission


def status_data(submission) -> dict:
    """What the status page shows: never internal notes nor the internal reason for a decision."""
    return {
        "reference": submission.reference or "",
        "kind": type(submission)._meta.label_lower,
        "kind_label": str(getattr(submission, "kind_label", submission._meta.verbose_name)),
        "state": submission.state,
        "state_label": applicant_label(submission, submission.state),
        "state_explanation": str(getattr(submission, "applicant_state_explanation", "")),
        "submitted_at": submission.submitted_at,
        "updated_at": submission.updated_at,
        "timeline": applicant_timeline(submission),
        "actions": sorted(applicant_actions(submission)),
        "files": [
            {"name": record.original_name, "size": record.size, "question": record.field_label}
            for record in submission.files.current()
        ],
    }


def _applicant_refusal(submission, name: str):
    if name not in transition_names(type(submission)) or name not in applicant_actions(submission):
        return problem_response(status=409, detail=_("This is not possible for this application now."))
    return None


def _add_status_endpoints(router: Router) -> None:
    public = {"auth": AllowAnonymous()}

    @router.get(
        "/status/{token}/",
        response=ApplicationStatus,
        url_name="workflow_forms_status",
        operation_id="applications_status",
        summary="The applicant's status",
        description="What the status page shows, for the holder of the private status token.",
        openapi_extra=merge_openapi(problem_responses(404), links.STATUS),
        **public,
    )
    def status(request, token: str, response: HttpResponse):
        submission = _submission_or_404(token)
        _private(response)
        return status_data(submission)

    @router.post(
        "/status/{token}/withdraw/",
        response=ApplicationStatus,
        url_name="workflow_forms_status_withdraw",
        operation_id="applications_status_withdraw",
        summary="Withdraw (the applicant)",
        openapi_extra=merge_openapi(problem_responses(400, 404, 409, 422), links.STATUS),
        **public,
    )
    def withdraw(request, token: str, data: WithdrawIn, response: HttpResponse):
        submission = _submission_or_404(token)
        refusal = _applicant_refusal(submission, "withdraw")
        if refusal:
            return refusal
        try:
            updated = perform_transition(
                application=submission, name="withdraw", applicant_token=token, confirm=data.confirm
            )
        except TransitionError as error:
            return transition_error_problem(error)
        _private(response)
        return status_data(updated)

    @router.post(
        "/status/{token}/resubmit/",
        response=ApplicationStatus,
        url_name="workflow_forms_status_resubmit",
        operation_id="applications_status_resubmit",
        summary="Edit and resubmit (the applicant, when changes were requested)",
        description="The complete edited answers, as for a new submission; validated by the same form.",
        openapi_extra=merge_openapi(ANSWERS_REQUEST_BODY, problem_responses(400, 404, 409, 415, 422), links.STATUS),
        **public,
    )
    def resubmit(request, token: str, response: HttpResponse):
        submission = _submission_or_404(token)
        refusal = _applicant_refusal(submission, "resubmit")
        if refusal:
            return refusal
        form_page = submission.form_page.specific if submission.form_page_id else None
        if form_page is None or not hasattr(form_page, "get_form"):
            return problem_response(status=409, detail=_("The form of this application is no longer online."))
        try:
            data, files = answers_from_request(request)
        except BadAnswers as error:
            return error.response
        # A fresh copy: the form writes its values onto its instance while validating.
        instance = type(submission)._default_manager.get(pk=submission.pk)
        form = build_form(form_page, data, files, instance=instance)
        if not form.is_valid():
            return form_errors_problem(form)
        try:
            updated = submission_resubmit(
                submission=submission, token=token, cleaned_data=form.cleaned_data, files=form.uploads()
            )
        except TransitionError as error:
            return transition_error_problem(error)
        _private(response)
        return status_data(updated)


# -- staff --------------------------------------------------------------------------------------------------


def _visible(user):
    """The selectors' rule, asked of each kind: only the kinds know which pages their leaders lead."""
    queryset = Application.objects.select_related("kind", "assigned_to")
    if user_sees_all_submissions(user=user, model=Application):
        return queryset
    visible = Q(pk__in=[])
    for kind in kinds.application_kinds():
        visible |= Q(pk__in=submissions_visible_to(user=user, queryset=kind._default_manager.all()).values("pk"))
    return queryset.filter(visible)


def _application_or_404(request, application_id: ObjectId):
    application = _visible(request.user).filter(pk=application_id).first()
    if application is None:
        raise Http404(_("No application with this id is visible to you."))
    return reads.specifics_of([application])[0]


def _filter_params_schema():
    kind_labels = tuple(kind._meta.label_lower for kind in kinds.application_kinds()) or ("-",)
    orderings = tuple(f"{prefix}{name}" for name in ORDERINGS for prefix in ("", "-"))

    class ApplicationFilters(Schema):
        kind: Literal[kind_labels] | None = Field(None, description="The kind's model label.")  # type: ignore[valid-type]
        state: list[ApplicationState] = Field([], description="One or more states.")
        interest: int | None = Field(None, ge=1, le=MAX_ID, description="Id of a page of interest (e.g. a cluster).")
        assigned_to: int | None = Field(None, ge=1, le=MAX_ID, description="Id of the page it is assigned to.")
        country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")
        # Text checked by the FilterSet: pydantic's date would also take a number as a Unix timestamp.
        submitted_after: str | None = Field(
            None, pattern=DATE_PATTERN, json_schema_extra={"format": "date"}, description="On or after this day."
        )
        submitted_before: str | None = Field(
            None, pattern=DATE_PATTERN, json_schema_extra={"format": "date"}, description="On or before this day."
        )
        search: str | None = Field(
            None, max_length=200, pattern=r"^[^\x00]*$", description="Reference, names, e-mail, texts (no NUL)."
        )
        ordering: Literal[orderings] = Field("-submitted_at")  # type: ignore[valid-type]

    return ApplicationFilters


def _add_staff_endpoints(router: Router) -> None:
    staff = {"auth": BearerTokenAuth()}
    ApplicationFilters = _filter_params_schema()

    @router.get(
        "/",
        response=ApplicationList,
        url_name="workflow_forms_applications",
        operation_id="applications_list",
        summary="List applications (staff)",
        description="The applications this token's user may see (cluster leaders: their clusters' only), "
        "filtered and ordered, with the transitions the user may perform on each now.",
        openapi_extra=merge_openapi(problem_responses(400, 401, 422), links.APPLICATIONS_LIST),
        **staff,
    )
    def list_applications(
        request,
        filters: ApplicationFilters = Query(...),  # type: ignore[valid-type]  # noqa: B008 - ninja's idiom
        pagination: Pagination = Query(...),  # noqa: B008
    ):
        params = filters.model_dump(exclude_none=True)
        if not params.get("state"):
            params.pop("state", None)
        filterset = ApplicationFilterSet(data=_querydict(params), queryset=_visible(request.user))
        if not filterset.is_valid():
            return field_errors_problem(
                {name: list(errors) for name, errors in filterset.errors.items()}, loc_prefix="query"
            )
        queryset = filterset.qs
        queryset = queryset.order_by(*queryset.query.order_by, "-pk")
        page = WagtailLimitOffsetPagination().paginate_queryset(queryset, pagination=pagination, request=request)
        applications = reads.specifics_of(list(page["items"]))
        return {"count": page["count"], "items": [reads.list_item(app, user=request.user) for app in applications]}

    @router.get(
        "/{application_id}/",
        response=ApplicationDetail,
        url_name="workflow_forms_application",
        operation_id="applications_detail",
        summary="An application in full (staff)",
        description="Answers with their labels, files (download links), the timeline and the internal notes.",
        openapi_extra=merge_openapi(problem_responses(401, 404, 422), links.APPLICATION),
        **staff,
    )
    def application_detail(request, application_id: ObjectId):
        application = _application_or_404(request, application_id)
        return reads.detail(application, user=request.user, request=request)

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
        **staff,
    )
    def transition(request, application_id: ObjectId, name: str, data: TransitionIn):
        application = _application_or_404(request, application_id)
        if name not in transition_names(type(application)):
            return transition_error_problem(UnknownTransition())
        if data.expected_state is not None and data.expected_state != application.state:
            return problem_response(
                status=409,
                detail=_("The application is %(state)s now, not %(expected)s. Reload it and try again.")
                % {"state": application.state, "expected": data.expected_state.value},
            )
        params = {}
        if name == "assign":
            params["target"] = data.target
        elif data.target is not None:
            return field_errors_problem({"target": _("Only the assign transition takes a target.")})
        from_state = application.state
        try:
            updated = perform_transition(
                application=application,
                name=name,
                user=request.user,
                note=data.note,
                message=data.message,
                **params,
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
        **staff,
    )
    def add_note(request, application_id: ObjectId, data: NoteIn):
        application = _application_or_404(request, application_id)
        try:
            note = note_add(application=application, user=request.user, text=data.text)
        except TransitionError as error:
            return transition_error_problem(error)
        return Status(201, reads.note_out(note))


def _querydict(params: dict):
    from django.http import QueryDict

    data = QueryDict(mutable=True)
    for key, value in params.items():
        if isinstance(value, list):
            data.setlist(key, [str(getattr(item, "value", item)) for item in value])
        else:
            data[key] = str(value)
    return data
