"""The one way to change an application's state: locked, checked, logged and notified."""

from django.db import transaction
from django.utils import timezone
from django_fsm import ConcurrentTransition, can_proceed, has_transition_perm

from ..actors import ApplicantActor
from ..adapters import kind_adapter
from ..exceptions import (
    TransitionConflict,
    TransitionError,
    TransitionNotAllowed,
    TransitionNotPermitted,
    UnknownTransition,
)
from ..registry import as_specific
from ..specs import spec_for, state_member, transition_specs
from .assessments import assessments_close
from .inputs import clean_transition_input
from .notifications import notify_transition
from .records import transition_log_write


def transition_names(model) -> list[str]:
    """The names of the transitions of ``model``'s state machine, sorted by name."""
    return list(transition_specs(model))


def _actor(application, *, user, applicant_token):
    if applicant_token is None:
        return user
    # Constant-time comparison of the token's hash (tokens.token_matches).
    if not application.token_is_valid(str(applicant_token)):
        raise TransitionNotPermitted()
    return ApplicantActor.for_submission(application)


def _state_label(submission, actor) -> str:
    """The state as this actor knows it: the applicant's word for the applicant, the staff label otherwise."""
    member = state_member(type(submission), submission.state)
    if member is None:
        return submission.state
    return str(member.applicant_label if isinstance(actor, ApplicantActor) else member.label)


def _refusal(submission, name: str, actor) -> TransitionError:
    """Why ``actor`` may not perform ``name`` on ``submission`` now: not from this state, or not theirs to do."""
    label = spec_for(submission, name).label
    if not can_proceed(getattr(submission, name)):
        return TransitionNotAllowed(action=label, state=_state_label(submission, actor))
    return TransitionNotPermitted(action=label)


def transition_refusal(*, application, name: str, user) -> TransitionError:
    """The error ``perform_transition`` would raise for a transition not among ``available_transitions``.

    For views that check before reading input: they refuse with the same words the service would use.
    """
    specific = as_specific(application)
    if name not in transition_names(type(specific)):
        return UnknownTransition()
    return _refusal(specific, name, user)


def _locked(model, *, pk, seen_state: str):
    """The row, locked until the transaction ends; TransitionConflict if it is gone or its state changed."""
    try:
        current = model._default_manager.select_for_update().get(pk=pk)
    except model.DoesNotExist:
        raise TransitionConflict() from None
    if current.state != seen_state:
        raise TransitionConflict()
    return current


def perform_transition(
    *,
    application,
    name: str,
    user=None,
    applicant_token: str | None = None,
    seen_state: str | None = None,
    note: str = "",
    message: str = "",
    **params,
):
    """Run transition ``name`` on ``application`` for a staff ``user`` or the applicant (``applicant_token``).

    In one transaction: lock the row; refuse a state other than ``seen_state``, the one the user saw (default:
    ``application``'s) (TransitionConflict), an unknown name (UnknownTransition), a transition that does not start
    here (TransitionNotAllowed), an actor who may not (TransitionNotPermitted) or a missing input
    (MissingTransitionInput); then run it, save, log it and queue the mails. Nothing changes when it raises.

    Inputs: ``message`` goes to the applicant, ``note`` stays internal; the others (``target=``, ``confirm=True``,
    ``answers=`` ...) are the transition method's, as its spec declares. Returns the updated specific instance.
    """
    if user is not None and applicant_token is not None:
        raise TypeError("perform_transition() takes a user or an applicant_token, not both")
    specific = as_specific(application)
    model = type(specific)
    if name not in transition_names(model):
        raise UnknownTransition()
    note, message = (note or "").strip(), (message or "").strip()

    with transaction.atomic():
        current = _locked(model, pk=specific.pk, seen_state=application.state if seen_state is None else seen_state)
        actor = _actor(current, user=user, applicant_token=applicant_token)
        method = getattr(current, name)
        if not can_proceed(method):
            raise _refusal(current, name, actor)
        if actor is None or not has_transition_perm(method, actor):
            raise TransitionNotPermitted(action=spec_for(current, name).label)
        kwargs = clean_transition_input(application=current, name=name, note=note, message=message, params=params)

        from_state = current.state
        method(**kwargs)
        current.state_changed_at = timezone.now()
        try:
            current.save()
        except ConcurrentTransition:
            raise TransitionConflict() from None
        assessments_close(submission=current)
        entry = transition_log_write(
            submission=current,
            transition=name,
            from_state=from_state,
            to_state=current.state,
            actor=actor,
            note=note,
            message=message,
        )
        kind_adapter(model).after_transition(current, name=name, actor=actor, log_entry=entry)
        notify_transition(application=current, log_entry=entry, actor=actor)
    return current


def available_transitions(*, application, user=None, applicant_token: str | None = None) -> list[str]:
    """The transitions this user (or the applicant holding the token) may perform now, sorted by name."""
    specific = as_specific(application)
    if applicant_token is not None:
        if not specific.token_is_valid(str(applicant_token)):
            return []
        actor = ApplicantActor.for_submission(specific)
    elif user is None:
        return []
    else:
        actor = user
    names = []
    for transition in specific.get_available_state_transitions():
        if transition.name not in names and transition.has_perm(specific, actor):
            names.append(transition.name)
    return names


class StaffTransitionsMemo:
    """``available_transitions`` for many rows of a listing, asked once per (kind, state, whether the user
    leads the row's target) instead of once per row.

    Those are all a staff member's permission to perform a transition depends on here (the plugin's rules in
    ``workflows.permissions``: the user's permissions, and ``user_manages_target`` for leaders). A kind whose
    transitions declare ``conditions`` (which may read anything on the row) is asked row by row. Only buttons
    are drawn from this; ``perform_transition`` checks every request again.
    """

    def __init__(self, *, user):
        self.user = user
        self.answers: dict[tuple, list[str]] = {}

    def key(self, specific) -> tuple | None:
        model = type(specific)
        if _has_conditions(model):
            return None
        manages = specific.user_manages_target(self.user) if hasattr(specific, "user_manages_target") else None
        return (model, specific.state, manages)

    def __call__(self, application) -> list[str]:
        specific = as_specific(application)
        key = self.key(specific)
        if key is None:
            return available_transitions(application=specific, user=self.user)
        if key not in self.answers:
            self.answers[key] = available_transitions(application=specific, user=self.user)
        return self.answers[key]


def _has_conditions(model) -> bool:
    return any(transition.conditions for transition in model._meta.get_field("state").get_all_transitions(model))
