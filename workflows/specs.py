"""What people are told about a state machine, declared beside it: one spec per transition, one per state.

A transition's spec rides on its decorator, in the ``custom`` data django-fsm-2 keeps for each transition::

    @transition(field=state, source=S.REVIEWED, target=S.REJECTED, permission=permissions.can_reject,
                custom={"spec": TransitionSpec(label=_("Reject"), log_label=_("Application rejected"), ...)})
    def reject(self): ...

A state's spec rides on its choice, with ``state()`` in a ``StateChoices`` class::

    class ApplicationState(StateChoices):
        SUBMITTED = state("submitted", _("Submitted"), tone="new", applicant_label=_("Received"), ...)

The admin (buttons, forms, bulk actions, badges), the input checks, the mails, the audit log, the API and the
diagram all read these, so a transition or a state is described in exactly one place.
"""

from dataclasses import dataclass, field
from typing import Literal

from django.db import models

#: Inputs every staff transition accepts and the service logs: an internal note and a message to the applicant.
TEXT_INPUTS = ("note", "message")
#: Inputs passed to the transition method as keyword arguments, each checked by ``services.inputs``.
METHOD_INPUTS = ("target", "confirm", "answers", "fields")

Tone = Literal["new", "progress", "waiting", "positive", "negative", "neutral"]


@dataclass(frozen=True)
class TransitionSpec:
    """Everything but the machine itself about one transition.

    - ``label``: the staff verb on its button ("Mark reviewed").
    - ``log_label``: the past tense in the audit log ("Application reviewed"); without one the log shows the
      generic "Application state changed" entry.
    - ``inputs``: what it asks for, in the order the staff form shows them: ``note``, ``message``, ``target``
      (a page), or what the applicant sends: ``confirm``, ``answers``, ``fields``. Inputs other than the
      note and the message are the method's keyword arguments.
    - ``required``: input → the error shown when it is missing.
    - ``by_applicant``: the applicant performs it (status page), so it never takes a note or a message.
    - ``destructive``: its button looks dangerous and always opens its form, so the user confirms.
    - ``confirmation``: what will happen, said on the step that asks staff to confirm before it runs (for a
      transition that grants access, sends an invitation or cannot simply be undone). Its button always opens
      that step. ``%(applicant)s`` and ``%(target)s`` are replaced by the applicant's name and the assigned
      target's title.
    - ``forward``: whether doing it moves the application on, so a row where staff may do it is "awaiting their
      action". By default every staff transition that is not ``destructive``; say ``forward=False`` for one that
      only undoes a decision (e.g. reopening).
    - ``applicant_mail``: the mail template (under ``workflows/mail/``) the applicant gets afterwards.
    - ``mentions_target``: the mails name the assigned target (its title, URL and leaders);
      ``shares_discussion``: the applicant's mail gives the target's discussion space.
    - ``sends_status_link``: the applicant's mail carries a new private status link (a pending token, as
      "lost your link?" issues: the current link keeps working until the new one is opened), for a transition
      after which the applicant must act on the status page (e.g. edit and resubmit).
    - ``staff_alert``: the mail template staff get afterwards, sent to the leaders of the assigned target
      when ``alert_target_managers``, else to everyone holding the kind's ``alert_permission``.
    """

    label: str
    log_label: str = ""
    inputs: tuple[str, ...] = ()
    required: dict[str, str] = field(default_factory=dict)
    by_applicant: bool = False
    destructive: bool = False
    confirmation: str = ""
    forward: bool | None = None
    applicant_mail: str = ""
    mentions_target: bool = False
    shares_discussion: bool = False
    sends_status_link: bool = False
    staff_alert: str = ""
    alert_target_managers: bool = False

    def __post_init__(self):
        unknown = set(self.inputs) - {*TEXT_INPUTS, *METHOD_INPUTS}
        if unknown:
            raise ValueError(f"Unknown transition inputs: {', '.join(sorted(unknown))}")
        if not set(self.required) <= set(self.inputs):
            raise ValueError("Every required input must be one of the transition's inputs")

    @property
    def method_inputs(self) -> tuple[str, ...]:
        """The inputs passed to the transition method (all but the note and the message)."""
        return tuple(name for name in self.inputs if name not in TEXT_INPUTS)

    @property
    def moves_forward(self) -> bool:
        """Whether a row where staff may perform it awaits their action (see ``forward``)."""
        if self.forward is not None:
            return self.forward
        return not (self.by_applicant or self.destructive)

    @property
    def needs_form(self) -> bool:
        """Whether its admin button opens a form (inputs, or a confirmation) rather than posting at once."""
        return bool(self.inputs) or self.destructive or bool(self.confirmation)


def default_spec(name: str) -> TransitionSpec:
    """The spec of a transition declared without one: its name as the label, no inputs, no mail."""
    return TransitionSpec(label=name.replace("_", " ").capitalize())


def _transitions(model):
    return model._meta.get_field("state").get_all_transitions(model)


def spec_for(model, name: str) -> TransitionSpec:
    """The spec of transition ``name`` of ``model`` (a kind or an instance), or the default one."""
    model = model if isinstance(model, type) else type(model)
    for transition in _transitions(model):
        if transition.name == name:
            return transition.custom.get("spec") or default_spec(name)
    return default_spec(name)


def transition_specs(model) -> dict[str, TransitionSpec]:
    """Every transition of ``model``'s machine → its spec, sorted by name (as django-fsm lists them)."""
    specs = {}
    for transition in _transitions(model):
        specs.setdefault(transition.name, transition.custom.get("spec") or default_spec(transition.name))
    return specs


# -- states ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class StateSpec:
    """What a state looks like: its badge's tone, and the applicant's label and explanation for it."""

    tone: Tone = "neutral"
    applicant_label: str = ""
    applicant_explanation: str = ""


def state(value: str, label, **spec) -> tuple:
    """One choice of a ``StateChoices`` class: its value, its staff label and its ``StateSpec`` fields."""
    return value, StateSpec(**spec), label


class StateChoices(models.TextChoices):
    """Text choices whose members also carry a ``StateSpec`` (declared with ``state()``)."""

    def __new__(cls, value, spec=None):
        member = str.__new__(cls, value)
        member._value_ = value
        member.spec = spec or StateSpec()
        return member

    @property
    def tone(self) -> Tone:
        return self.spec.tone

    @property
    def applicant_label(self):
        """What the applicant is shown; the staff label where the state declares none."""
        return self.spec.applicant_label or self.label

    @property
    def applicant_explanation(self):
        return self.spec.applicant_explanation


def state_member(model, value: str):
    """``value`` as a member of ``model``'s state choices, or None for a value the machine does not know.

    The choices class is the one the state field's default belongs to (``default=ApplicationState.SUBMITTED``).
    """
    choices = type(model._meta.get_field("state").default)
    if not issubclass(choices, StateChoices):
        return None
    try:
        return choices(value)
    except ValueError:
        return None


def state_tone(model, value: str) -> Tone:
    member = state_member(model, value)
    return member.tone if member is not None else "neutral"
