"""Reading a submission's answers from a request: JSON, or multipart when files are sent."""

import json

from django.utils.datastructures import MultiValueDict
from django.utils.translation import gettext as _
from wagtail.api.v3.errors import problem_response

from .forms import AnswerError, answers_as_form_data
from .problems import field_errors_problem

FORM_CONTENT_TYPES = ("multipart/form-data", "application/x-www-form-urlencoded")


class BadAnswers(Exception):
    """The body cannot be read as answers; ``response`` is the problem document to return."""

    def __init__(self, response):
        self.response = response
        super().__init__(response.status_code)


def answers_from_request(request) -> tuple[MultiValueDict, MultiValueDict]:
    """(data, files) for the page's form, from a JSON object or a form/multipart body."""
    content_type = (request.content_type or "").lower()
    if content_type in FORM_CONTENT_TYPES:
        if content_type == "multipart/form-data" and not request.POST and not request.FILES:
            _refuse_nameless_parts(request)
        return request.POST, request.FILES
    if content_type != "application/json":
        raise BadAnswers(
            problem_response(
                status=415, detail=_("Send the answers as application/json, or multipart/form-data with files.")
            )
        )
    try:
        payload = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError):
        raise BadAnswers(problem_response(status=400, detail=_("The body is not valid JSON."))) from None
    except RecursionError:  # e.g. 100,000 nested "[": no answer is nested, so this is never a real submission
        raise BadAnswers(
            problem_response(status=400, detail=_("The body is nested too deeply to be a form's answers."))
        ) from None
    try:
        return answers_as_form_data(payload), MultiValueDict()
    except AnswerError as error:
        raise BadAnswers(field_errors_problem(error.field_errors)) from None


def _refuse_nameless_parts(request) -> None:
    """A multipart body with bytes but no named part: Django skips parts without ``Content-Disposition:
    form-data; name=...`` silently, so such a body would read as "no answers" and be stored as one. Only an
    empty body (its closing boundary, perhaps with line breaks) is no answers."""
    boundary = (request.content_params or {}).get("boundary", "")
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    if length > len(f"\r\n--{boundary}--\r\n"):
        raise BadAnswers(
            problem_response(
                status=400,
                detail=_(
                    "The multipart body has no named part: every part needs a Content-Disposition: form-data; "
                    'name="..." header.'
                ),
            )
        )


SCALAR_ANSWER = {"anyOf": [{"type": "string"}, {"type": "number"}, {"type": "boolean"}, {"type": "null"}]}

ANSWERS_REQUEST_BODY = {
    "requestBody": {
        "required": True,
        "description": "The answers, keyed by the field names of the form's schema (GET workflow-forms/{id}/). "
        "Choice fields take the choices' values; several choices a list; tick boxes true/false. Send "
        "multipart/form-data (field names as keys, files as parts) when the form has files to upload.",
        "content": {
            "application/json": {
                "schema": {
                    "type": "object",
                    "additionalProperties": {
                        "anyOf": [*SCALAR_ANSWER["anyOf"], {"type": "array", "items": SCALAR_ANSWER}]
                    },
                },
                "example": {
                    "applicant_name": "Sam Lee",
                    "applicant_email": "sam@university.example",
                    "organisation": "City University",
                    "project_title": "Shared open data",
                    "partners": ["city-hall", "library"],
                },
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "additionalProperties": {"anyOf": [{"type": "string"}, {"type": "string", "format": "binary"}]},
                },
            },
        },
    }
}
