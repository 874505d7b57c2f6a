"""What each transition needs besides an actor: cleaned here, before the transition runs."""

from django.utils.translation import gettext as _
from wagtail.models import Page

from ..exceptions import MissingTransitionInput

MAX_TEXT_LENGTH = 10_000

# Extra keyword arguments each transition takes (``note`` and ``message`` are separate parameters).
TRANSITION_PARAMS = {
    "assign": {"target"},
    "withdraw": {"confirm"},
    "resubmit": {"answers", "fields"},
}
APPLICANT_TRANSITIONS = {"withdraw", "resubmit"}


def clean_transition_input(*, application, name: str, note: str, message: str, params: dict) -> dict:
    """Check the inputs of transition ``name``; return the transition method's keyword arguments.

    Raises TypeError for a parameter the transition does not take (a programming error) and
    MissingTransitionInput, with ``field_errors``, for a missing or invalid value (the user's to fix).
    """
    unexpected = sorted(set(params) - TRANSITION_PARAMS.get(name, set()))
    if unexpected:
        raise TypeError(f"The {name!r} transition takes no {', '.join(unexpected)} argument")

    errors = {}
    for field, value in (("note", note), ("message", message)):
        if len(value) > MAX_TEXT_LENGTH:
            errors[field] = _("Keep this under %(limit)s characters.") % {"limit": f"{MAX_TEXT_LENGTH:,}"}
    if name in APPLICANT_TRANSITIONS:
        if note:
            errors["note"] = _("Internal notes are written by staff only.")
        if message:
            errors["message"] = _("Messages to the applicant are written by staff only.")

    kwargs = {}
    if name == "request_changes" and not message:
        errors["message"] = _("Tell the applicant what to change.")
    elif name == "reject" and not note:
        errors["note"] = _("Give the internal reason for rejecting the application.")
    elif name == "end" and not note:
        errors["note"] = _("Give the reason the participation ends.")
    elif name == "reopen" and not note:
        errors["note"] = _("Give the reason for reopening the application.")
    elif name == "assign":
        target, target_error = _clean_target(application, params.get("target"))
        if target_error:
            errors["target"] = target_error
        kwargs["target"] = target
    elif name == "withdraw" and params.get("confirm") is not True:
        errors["confirm"] = _("Confirm that you want to withdraw the application.")
    elif name == "resubmit":
        if not isinstance(params.get("answers"), dict):
            errors["answers"] = _("Send the edited answers with the resubmission.")
        if not isinstance(params.get("fields", {}), dict):
            errors["fields"] = _("The edited fields must be a mapping of field names to values.")

    if errors:
        raise MissingTransitionInput(field_errors=errors)
    return kwargs


def _clean_target(application, target):
    if target in (None, ""):
        return None, _("Choose where to assign the application.")
    if not isinstance(target, Page):
        try:
            target = Page.objects.get(pk=int(target))
        except (TypeError, ValueError, Page.DoesNotExist):
            return None, _("That page does not exist.")
    if not application.target_is_assignable(target):
        return None, _("Applications of this kind cannot be assigned to “%(title)s”.") % {"title": target.title}
    if not application.target_accepts_applications(target):
        return None, _("“%(title)s” does not accept new members at the moment.") % {"title": target.title}
    return target, None
