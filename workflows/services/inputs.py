"""What each transition needs besides an actor, as its spec declares: cleaned here, before the transition runs."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from ..exceptions import MissingTransitionInput
from ..specs import spec_for
from ..validators import unstorable_text_error

MAX_TEXT_LENGTH = 10_000


def text_input_error(value: str) -> str | None:
    """The message for a note or message the user must fix (unstorable or too long), or None."""
    if len(value) > MAX_TEXT_LENGTH:
        return _("Keep this under %(limit)s characters.") % {"limit": f"{MAX_TEXT_LENGTH:,}"}
    return unstorable_text_error(value)


def clean_transition_input(*, application, name: str, note: str, message: str, params: dict) -> dict:
    """Check the inputs of transition ``name``; return the transition method's keyword arguments.

    Raises TypeError for a parameter the transition does not take (a programming error) and
    MissingTransitionInput, with ``field_errors``, for a missing or invalid value (the user's to fix).
    """
    spec = spec_for(application, name)
    unexpected = sorted(set(params) - set(spec.method_inputs))
    if unexpected:
        raise TypeError(f"The {name!r} transition takes no {', '.join(unexpected)} argument")

    texts = {"note": note, "message": message}
    errors = {}
    for field, value in texts.items():
        error = text_input_error(value)
        if error:
            errors[field] = error
    if spec.by_applicant:
        if note:
            errors["note"] = _("Internal notes are written by staff only.")
        if message:
            errors["message"] = _("Messages to the applicant are written by staff only.")

    kwargs = {}
    for field in spec.inputs:
        missing = str(spec.required.get(field, ""))
        if field in texts:
            if missing and not texts[field]:
                errors[field] = missing
            continue
        kwargs[field], error = CLEANERS[field](application, params.get(field), missing)
        if error:
            errors[field] = error

    if errors:
        raise MissingTransitionInput(field_errors=errors)
    return kwargs


# Each cleaner takes (application, the value sent or None, the spec's message when the input is required
# or "") and returns (the cleaned value, an error or None).


def _clean_target(application, target, missing):
    if target in (None, ""):
        return None, missing or None
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


def _clean_confirm(application, confirm, missing):
    if confirm is not True and missing:
        return False, missing
    return confirm is True, None


def _mapping(invalid):
    def clean(application, value, missing):
        if value is None and not missing:
            return {}, None
        if not isinstance(value, dict):
            return None, missing or str(invalid)
        return value, None

    return clean


CLEANERS = {
    "target": _clean_target,
    "confirm": _clean_confirm,
    "answers": _mapping(gettext_lazy("The answers must be a mapping of question names to answers.")),
    "fields": _mapping(gettext_lazy("The edited fields must be a mapping of field names to values.")),
}
