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
    """The transition does not start from the submission's current state (API: 409).

    Given the action's label and the state's, the message names both: whoever may do it could not from here.
    """

    default_message = _("This action is not possible in the application's current state.")

    def __init__(self, message=None, *, action=None, state=None, **kwargs):
        if message is None and action and state:
            message = _("“%(action)s” is not possible while the application is “%(state)s”.") % {
                "action": action,
                "state": state,
            }
        super().__init__(message, **kwargs)


class TransitionNotPermitted(TransitionError):
    """This actor may not perform this transition on this submission (API: 403), whatever its state."""

    default_message = _("You do not have permission to do this.")

    def __init__(self, message=None, *, action=None, **kwargs):
        if message is None and action:
            message = _("Your role does not allow “%(action)s” on this application.") % {"action": action}
        super().__init__(message, **kwargs)


class MissingTransitionInput(TransitionError):
    """A required note, message or target is missing or invalid (API: 422); ``field_errors`` says which."""

    default_message = _("Some required information is missing.")


class TransitionConflict(TransitionError):
    """The submission changed after the actor loaded it (API: 409)."""

    default_message = _("Someone else changed this application a moment ago. Reload it and try again.")


class UnknownTransition(TransitionError):
    """No transition of that name exists for this kind (API: 404)."""

    default_message = _("There is no such action.")


class RegistrationRefused(TransitionError):
    """A place cannot be taken on this slot now (API: 409); the subclass and its message say why."""

    default_message = _("Registration is not possible for this session.")


class RegistrationClosed(RegistrationRefused):
    """The slot's registration closing time has passed (or it has no registration at all)."""

    default_message = _("Registration for this session has closed.")


class SlotInThePast(RegistrationRefused):
    """The slot has already started."""

    default_message = _("This session has already taken place.")


class SlotFull(RegistrationRefused):
    """Every place is taken and the slot keeps no waiting list (or a staff promotion found no free place)."""

    default_message = _("This session is full and has no waiting list.")
