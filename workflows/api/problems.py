"""Errors as ``application/problem+json`` (Wagtail v3's own format) and their OpenAPI descriptions."""

from django.utils.translation import gettext as _
from wagtail.api.v3.errors import PROBLEM_JSON, ProblemDetail, problem_response

from ..exceptions import (
    MissingTransitionInput,
    TransitionConflict,
    TransitionError,
    TransitionNotAllowed,
    TransitionNotPermitted,
    UnknownTransition,
)

STATUS_FOR_ERROR = (
    (TransitionNotPermitted, 403),
    (UnknownTransition, 404),
    (TransitionNotAllowed, 409),
    (TransitionConflict, 409),
    (MissingTransitionInput, 422),
)

DESCRIPTIONS = {
    400: "Bad request (e.g. a page size above the maximum).",
    401: "No valid bearer token (missing, unknown or revoked).",
    403: "The token's user may not do this.",
    404: "No such resource, or not visible to this token.",
    409: "Not possible in the current state, or the state changed meanwhile.",
    415: "The body is neither JSON nor a form (multipart/form-data or application/x-www-form-urlencoded).",
    422: "Invalid input: ``errors`` lists each problem with its ``loc`` (the field) and ``msg``.",
    429: "Too many submissions from this address; nothing was saved.",
}

EXAMPLES = {
    400: {"type": "about:blank", "title": "Bad Request", "status": 400, "detail": "limit cannot be higher than 20"},
    401: {"type": "about:blank", "title": "Unauthorized", "status": 401, "detail": "Unauthorized"},
    403: {
        "type": "about:blank",
        "title": "Forbidden",
        "status": 403,
        "detail": "Your role does not allow “Activate” on this application.",
    },
    404: {"type": "about:blank", "title": "Not Found", "status": 404, "detail": "Not found"},
    409: {
        "type": "about:blank",
        "title": "Conflict",
        "status": 409,
        "detail": "“Activate” is not possible while the application is “Submitted”.",
    },
    415: {
        "type": "about:blank",
        "title": "Unsupported Media Type",
        "status": 415,
        "detail": "Send the answers as application/json, or multipart/form-data with files.",
    },
    422: {
        "type": "about:blank",
        "title": "Unprocessable Content",
        "status": 422,
        "detail": "Validation failed",
        "errors": [{"type": "required", "loc": ["body", "applicant_email"], "msg": "Enter an e-mail address."}],
    },
    429: {
        "type": "about:blank",
        "title": "Too Many Requests",
        "status": 429,
        "detail": "Too many submissions from your address (limit 10/h). Nothing was saved; try again later.",
    },
}


def _problem_schema() -> dict:
    schema = ProblemDetail.model_json_schema()
    schema.pop("title", None)
    return schema


#: The 429 of the status-link endpoints: too many wrong tokens, not too many submissions (``abuse.py``).
STATUS_LINK_LIMITED = {
    429: (
        "Too many status tokens that do not exist were tried from this address: every status link answers "
        "429 from it, the right one too, until the hour ends (see ``Retry-After``). Nothing was changed.",
        {
            "type": "about:blank",
            "title": "Too Many Requests",
            "status": 429,
            "detail": "Too many status tokens that do not exist were tried from your address; try again later.",
        },
    )
}


def problem_responses(*statuses: int, overrides: dict[int, tuple[str, dict]] | None = None) -> dict:
    """``openapi_extra`` declaring each status as a problem document (the handlers return them directly).

    ``overrides`` gives an endpoint its own (description, example) for a status whose meaning differs there.
    """
    overrides = overrides or {}
    responses = {}
    for status in statuses:
        description, example = overrides.get(status, (DESCRIPTIONS[status], EXAMPLES[status]))
        responses[status] = {
            "description": description,
            "content": {PROBLEM_JSON: {"schema": _problem_schema(), "example": example}},
        }
    return {"responses": responses}


def merge_openapi(*parts: dict) -> dict:
    merged: dict = {}
    for part in parts:
        for key, value in part.items():
            if isinstance(value, dict) and isinstance(merged.get(key), dict):
                merged[key] = {**merged[key], **value}
            else:
                merged[key] = value
    return merged


def field_errors_problem(field_errors: dict, *, loc_prefix: str = "body", detail: str | None = None, status=422):
    """A 422 problem from ``{field: message or [messages]}`` (``None``/"__all__" for the whole input)."""
    errors = []
    for field, messages in field_errors.items():
        if not isinstance(messages, list | tuple):
            messages = [messages]
        loc = [loc_prefix] if field in (None, "__all__") else [loc_prefix, field]
        for message in messages:
            code = getattr(message, "code", None) or "invalid"
            errors.append({"type": code, "loc": loc, "msg": str(getattr(message, "message", message))})
    return problem_response(status=status, detail=detail or _("Validation failed"), errors=errors)


def form_errors_problem(form, *, detail: str | None = None):
    """A 422 problem from a Django form's errors, each with its field and code."""
    errors = []
    for field, error_list in form.errors.as_data().items():
        loc = ["body"] if field == "__all__" else ["body", field]
        for error in error_list:
            for message in error.messages:
                errors.append({"type": error.code or "invalid", "loc": loc, "msg": str(message)})
    return problem_response(status=422, detail=detail or _("Validation failed"), errors=errors)


def transition_error_problem(error: TransitionError):
    """The status and problem document for an error of the transition service."""
    status = next((code for cls, code in STATUS_FOR_ERROR if isinstance(error, cls)), 409)
    if isinstance(error, MissingTransitionInput):
        return field_errors_problem(error.field_errors, detail=str(error.message))
    return problem_response(status=status, detail=str(error.message))
