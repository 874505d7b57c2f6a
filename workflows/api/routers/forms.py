"""Public: the live workflow forms, their schemas, and submitting answers."""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Router
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import problem_response
from wagtail.models import Locale

from ...abuse import rate_limit, rate_limit_exceeded
from ...services.submissions import submission_create
from .. import links
from ..answers import ANSWERS_REQUEST_BODY, BadAnswers, answers_from_request
from ..created import created_answer
from ..forms import build_form, form_kind, form_schema, live_form_pages
from ..language import LOCALE_PARAMETER, UnknownLocale, requested_language
from ..params import ObjectId
from ..problems import form_errors_problem, merge_openapi, problem_responses
from ..schemas import SubmissionCreated, WorkflowFormDetail, WorkflowFormSummary

router = Router(tags=["workflow forms"], auth=AllowAnonymous())


def _form_page_or_404(form_id: ObjectId):
    """The form with this id, in the active language: its translation (or alias) when it has one."""
    page = live_form_pages().filter(pk=form_id).first()
    if page is None:
        raise Http404(_("No live workflow form has this id."))
    localized = page.localized
    return localized.specific if localized.pk != page.pk else page


@router.get(
    "/",
    response=list[WorkflowFormSummary],
    url_name="workflow_forms_list",
    operation_id="workflow_forms_list",
    summary="List the live workflow forms",
    openapi_extra=merge_openapi({"parameters": [LOCALE_PARAMETER]}, problem_responses(400), links.FORMS_LIST),
)
def list_forms(request):
    try:
        language = requested_language(request)
    except UnknownLocale as error:
        return error.response
    with translation.override(language):
        # One entry per form, in the requested language's version (its translation, or alias until translated).
        pages = live_form_pages().filter(locale=Locale.get_active())
        return [
            {
                "id": page.pk,
                "kind": form_kind(page),
                "title": page.title,
                "url_path": page.get_url(request) or page.url_path,
                "intro": page.intro or "",
            }
            for page in pages
        ]


@router.get(
    "/{form_id}/",
    response=WorkflowFormDetail,
    url_name="workflow_forms_detail",
    operation_id="workflow_forms_detail",
    summary="A workflow form's schema",
    description="Every field a front end renders (built from the same form class as the HTML page), the "
    "intro and thank-you texts, and the honeypot field's name.",
    openapi_extra=merge_openapi(
        {"parameters": [LOCALE_PARAMETER]}, problem_responses(400, 404, 422), links.FORM_DETAIL
    ),
)
def form_detail(request, form_id: ObjectId):
    try:
        language = requested_language(request)
    except UnknownLocale as error:
        return error.response
    with translation.override(language):
        return form_schema(_form_page_or_404(form_id))


@router.post(
    "/{form_id}/submissions/",
    response={200: SubmissionCreated, 201: SubmissionCreated},
    url_name="workflow_forms_submit",
    operation_id="workflow_forms_submit",
    summary="Submit answers to a workflow form",
    description="201: created, with the private status token (shown this once). 200: the same e-mail, form "
    "and answers were submitted in the last 10 minutes: the first submission's reference, no second row, "
    "and no token (only its hash is stored; it was in the first response and the confirmation mail). "
    "Rate limited per IP address and form like the HTML form (429). A filled honeypot field is refused (422).",
    openapi_extra=merge_openapi(
        {"parameters": [LOCALE_PARAMETER]},
        ANSWERS_REQUEST_BODY,
        problem_responses(400, 404, 415, 422, 429),
        links.SUBMITTED,
    ),
)
def submit(request, form_id: ObjectId):
    try:
        language = requested_language(request)
    except UnknownLocale as error:
        return error.response
    with translation.override(language):
        return _submit(request, form_id)


def _submit(request, form_id: ObjectId):
    page = _form_page_or_404(form_id)
    if rate_limit_exceeded(request, group=page.rate_limit_group()):
        return problem_response(
            status=429,
            detail=_("Too many submissions from your address (limit %(rate)s). Nothing was saved; try again later.")
            % {"rate": rate_limit()},
        )
    try:
        data, files = answers_from_request(request)
    except BadAnswers as error:
        return error.response
    form = build_form(page, data, files)
    if not form.is_valid():
        return form_errors_problem(form)
    result = submission_create(form_page=page, cleaned_data=form.cleaned_data, files=form.uploads())
    return created_answer(request, submission=result.submission, created=result.created, token=result.token)
