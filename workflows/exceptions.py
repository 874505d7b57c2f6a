"""Errors the transition service raises. Views, admin and API turn each into a clear message/status."""

from django.utils.translation import gettext_lazy as _


class TransitionError(Exception):
    """Base class: the transition did not happen and nothing changed."""

    default_message = _("This action could not be performed.")

    def __init__(self, message=None, *, field_errors=None):
        self.message = message or self.default_message
        self.field_errors = field_errors or {}
        super().__init__(str(self.message))


class TransitionNotAllowed(TransitionError):
    """The transition does not start from the submission's current state (API: 409)."""

    default_message = _("This action is not possible in the application's current state.")


class TransitionNotPermitted(TransitionError):
    """This actor may not perform this transition on this submission (API: 403)."""

    default_message = _("You do not have permission to do this.")


class MissingTransitionInput(TransitionError):
    """A required note, message or target is missing or invalid (API: 422); ``field_errors`` says which."""

    default_message = _("Some required information is missing.")


class TransitionConflict(TransitionError):
    """The submission changed after the actor loaded it (API: 409)."""

    default_message = _("Someone else changed this application a moment ago. Reload it and try again.")


class UnknownTransition(TransitionError):
    """No transition of that name exists for this kind (API: 404)."""

    default_message = _("There is no such action.")
