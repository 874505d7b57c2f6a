"""The answer to something sent through the API (a form's submission, a draft sent, a place asked for): the
``SubmissionCreated`` body, 201 with the private status links when it was created, 200 when the same address had
sent it already."""

from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Status


def status_urls(request, token: str) -> dict:
    return {
        "status_url": request.build_absolute_uri(reverse("workflow_forms:status", args=[token])),
        "status_api_url": request.build_absolute_uri(
            reverse("wagtailapi_v3:workflow_forms_status", kwargs={"token": token})
        ),
    }


def sent_already_detail() -> str:
    return _(
        "You sent this already: this is your first submission. Its status link was in the first answer and "
        "in the confirmation e-mail; it cannot be shown again. Lost it? Use the “lost your link?” page."
    )


def created_answer(request, *, submission, created: bool, token: str, sent_already: str = "") -> Status:
    """``submission``'s reference and state, with its status links when ``created`` (the token is shown this once);
    otherwise ``sent_already`` (by default the forms' "you sent this already") says why nothing new was made."""
    body = {
        "reference": submission.reference,
        "state": submission.state,
        "state_label": str(getattr(submission, "applicant_state_label", submission.state)),
        "created": created,
        "status_token": token,
        "status_url": None,
        "status_api_url": None,
        "detail": "",
    }
    if created:
        body.update(status_urls(request, token))
        return Status(201, body)
    body["detail"] = sent_already or sent_already_detail()
    return Status(200, body)
