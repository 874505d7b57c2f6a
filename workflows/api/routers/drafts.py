"""Public: drafts of a workflow form ("save and continue later" for headless clients), by their private token.

Create one with any part of the answers (uploads are checked as in the form; nothing else is, yet), read it,
change it, and send it: sending validates everything and follows the usual path, as the HTML form's Send does
(``services.drafts.draft_send``: rate limit, honeypot, duplicate guard, reference, mails), once.
"""

import io
from datetime import timedelta

from django.conf import settings
from django.http import Http404
from django.utils import translation
from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from ninja import Router, Status
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.errors import problem_response

from ...abuse import HONEYPOT_FIELD_NAME, TooManyWrongTokens, rate_limit, rate_limit_exceeded, status_link_attempt
from ...forms import UploadField
from ...services.drafts import (
    SAVE_RATE_LIMIT_GROUP,
    draft_days,
    draft_files,
    draft_for_token,
    draft_link_token_issue,
    draft_send,
    draft_update,
)
from ...services.submissions import submission_create
from ...validators import unstorable_text_error
from ..answers import ANSWERS_REQUEST_BODY, BadAnswers, answers_from_request
from ..created import created_answer
from ..forms import build_form
from ..language import LOCALE_PARAMETER, UnknownLocale, requested_language
from ..params import ObjectId
from ..problems import field_errors_problem, form_errors_problem, merge_openapi, problem_responses
from ..schemas import DraftOut, SubmissionCreated
from .forms import _form_page_or_404

router = Router(tags=["workflow forms"], auth=AllowAnonymous())


def _draft_body(draft, *, token=None) -> dict:
    return {
        "form_id": draft.page_id,
        "token": token,
        "answers": {name: values for name, values in draft.data.items() if name != HONEYPOT_FIELD_NAME},
        "files": [
            {"field": name, "name": record.original_name, "size": record.size}
            for name, record in draft_files(draft=draft).items()
        ],
        "step": draft.step,
        "updated": draft.updated_at,
        "expires": draft.updated_at + timedelta(days=draft_days()),
    }


def _draft_or_problem(request, token: str):
    """(draft, None) or (None, the problem to answer): a wrong token counts against the address's wrong links."""

    def lookup():
        draft = draft_for_token(token)
        if draft is None:
            raise Http404(_("No draft has this token (it was sent, deleted, or replaced by a newer one)."))
        return draft

    try:
        return status_link_attempt(request, lookup), None
    except TooManyWrongTokens as refusal:
        response = problem_response(status=429, detail=_("Too many wrong links from your address; try again later."))
        response.headers["Retry-After"] = str(refusal.retry_after)
        return None, response
    except Http404 as error:
        return None, problem_response(status=404, detail=str(error))


def _kept_answers(page, data, files, *, draft=None):
    """(answers to keep, uploads) of a request: the form's own fields only; uploads checked as in the form.
    Raises BadAnswers with a 422 problem for an upload the form would refuse."""
    form = build_form(page, data, files)
    kept = dict(draft.data) if draft is not None else {}
    for name, field in form.fields.items():
        if name in data and not isinstance(field, UploadField):
            kept[name] = [str(value) for value in data.getlist(name) if not unstorable_text_error(str(value))]
    form.is_valid()
    upload_errors = {name: form.errors[name] for name in files if name in form.errors}
    if upload_errors:
        raise BadAnswers(field_errors_problem(upload_errors))
    return kept, form.uploads()


def _language(request):
    try:
        return requested_language(request), None
    except UnknownLocale as error:
        return None, error.response


@router.post(
    "/{form_id}/drafts/",
    response={201: DraftOut},
    url_name="workflow_forms_draft_create",
    operation_id="workflow_forms_draft_create",
    summary="Keep answers to a workflow form for later",
    description="Any part of the answers (uploads are checked as in the form; the rest only when the draft is "
    "sent). 201 with the draft's private token, shown this once. Rate limited per IP address and form (429).",
    openapi_extra=merge_openapi(
        {"parameters": [LOCALE_PARAMETER]}, ANSWERS_REQUEST_BODY, problem_responses(400, 404, 415, 422, 429)
    ),
)
def draft_create(request, form_id: ObjectId):
    language, problem = _language(request)
    if problem:
        return problem
    with translation.override(language):
        page = _form_page_or_404(form_id)
        if rate_limit_exceeded(request, group=f"{SAVE_RATE_LIMIT_GROUP}:{page.pk}"):
            return problem_response(status=429, detail=_("Too many drafts from your address; try again later."))
        try:
            data, files = answers_from_request(request)
            answers, uploads = _kept_answers(page, data, files)
        except BadAnswers as error:
            return error.response
        draft, _key = draft_update(draft=None, page=page, data=answers, step=0, uploads=uploads)
        token = draft_link_token_issue(draft=draft)
        return Status(201, _draft_body(draft, token=token))


@router.get(
    "/drafts/{token}/",
    response=DraftOut,
    url_name="workflow_forms_draft_detail",
    operation_id="workflow_forms_draft_detail",
    summary="A draft's answers",
    openapi_extra=problem_responses(404, 429),
)
def draft_detail(request, token: str):
    draft, problem = _draft_or_problem(request, token)
    return problem or _draft_body(draft)


@router.patch(
    "/drafts/{token}/",
    response=DraftOut,
    url_name="workflow_forms_draft_update",
    operation_id="workflow_forms_draft_update",
    summary="Change a draft's answers",
    description="The answers sent replace those of the same fields; the others are kept. A file replaces the "
    "draft's file for its question.",
    openapi_extra=merge_openapi(ANSWERS_REQUEST_BODY, problem_responses(400, 404, 415, 422, 429)),
)
def draft_change(request, token: str):
    draft, problem = _draft_or_problem(request, token)
    if problem:
        return problem
    page = draft.page.specific
    if (request.content_type or "").lower() == "multipart/form-data":
        # Django reads a multipart body for POST only; a PATCH's is read the same way here.
        request.POST, request._files = request.parse_file_upload(request.META, io.BytesIO(request.body))
    with translation.override(draft.language or settings.LANGUAGE_CODE):
        try:
            data, files = answers_from_request(request)
            answers, uploads = _kept_answers(page, data, files, draft=draft)
        except BadAnswers as error:
            return error.response
        draft, _key = draft_update(draft=draft, page=page, data=answers, step=draft.step, uploads=uploads)
        return _draft_body(draft)


@router.post(
    "/drafts/{token}/submissions/",
    response={200: SubmissionCreated, 201: SubmissionCreated},
    url_name="workflow_forms_draft_submit",
    operation_id="workflow_forms_draft_submit",
    summary="Send a draft",
    description="Validates every answer (422 with each problem) and sends the draft the usual way: 201 created "
    "with the status token; 200 when the same answers were sent in the last 10 minutes (the first "
    "submission). The draft is then gone: its token answers 404. Rate limited like the form (429).",
    openapi_extra=problem_responses(404, 422, 429),
)
def draft_submit(request, token: str):
    draft, problem = _draft_or_problem(request, token)
    if problem:
        return problem
    page = draft.page.specific
    with translation.override(draft.language or settings.LANGUAGE_CODE):
        if rate_limit_exceeded(request, group=page.rate_limit_group()):
            return problem_response(
                status=429,
                detail=_("Too many submissions from your address (limit %(rate)s). Nothing was saved; try again later.")
                % {"rate": rate_limit()},
            )
        form = build_form(page, MultiValueDict(draft.data))
        for name in draft_files(draft=draft):
            form.fields[name].required = False
        if not form.is_valid():
            return form_errors_problem(form)
        result = draft_send(
            draft=draft,
            create=lambda kept: submission_create(form_page=page, cleaned_data=form.cleaned_data, files=kept),
        )
        if result is None:
            return problem_response(status=404, detail=_("This draft was sent already."))
        return created_answer(request, submission=result.submission, created=result.created, token=result.token)
