"""What the holder of a status link is shown: the status, the timeline and the actions open to them.

The HTML status page and the API's status endpoints both read this; neither knows the other.
"""

from django.http import Http404
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from ..actors import ApplicantActor
from ..models import TransitionLog
from ..registry import submission_for_token
from ..status_tokens import status_token_promote
from .records import records_filter


def submission_for_status_link(token: str):
    """The submission behind a status link, as its kind; a 404 for an unknown or malformed token.

    Opening a link sent by "lost your link?" makes it the status link (the one write here: it must happen
    wherever a link is opened, page or API, and nowhere else).
    """
    submission = submission_for_token(token)
    if submission is None:
        raise Http404(_("No such status link."))
    return status_token_promote(submission=submission, token=token)


def private_status_response(response, *, referrer_policy: str = "same-origin"):
    """The URL holds the secret: never cached, never indexed, never sent to another site as a referrer.

    "same-origin", not "no-referrer", on pages with forms: with no-referrer, browsers send "Origin: null"
    on the page's own forms (withdraw, edit), which Django's CSRF check rightly refuses.
    """
    patch_cache_control(response, no_store=True, private=True)
    response.headers["Referrer-Policy"] = referrer_policy
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


def applicant_label(submission, state: str) -> str:
    """The applicant's name for ``state``, as declared on the kind's state choice."""
    return str(submission.applicant_label_for(state))


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


def applicant_actions(submission) -> list[str]:
    """Names of the transitions the applicant may perform now (e.g. "resubmit", "withdraw"), sorted."""
    available = getattr(submission, "get_available_user_state_transitions", None)
    if available is None:
        return []
    return sorted({transition.name for transition in available(ApplicantActor.for_submission(submission))})


def applicant_status(submission) -> dict:
    """What the status page shows: never internal notes nor the internal reason for a decision.

    ``files`` are the current ``SubmittedFile`` rows (name, size and question on each).
    """
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
        "actions": applicant_actions(submission),
        "files": list(submission.files.current()) if hasattr(submission, "files") else [],
    }


def reviewers_last_message(timeline: list[dict]) -> str:
    """The latest message to the applicant in ``timeline`` (what the reviewers asked to change)."""
    return next((entry["message"] for entry in reversed(timeline) if entry["message"]), "")
