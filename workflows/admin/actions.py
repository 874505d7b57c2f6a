"""What a staff user may do to submissions, phrased for the admin: buttons, their forms, "awaiting my action"."""

from django.db.models import Q

from ..models import Application
from ..selectors import prefetch_managed_targets, target_ids_managed_by
from ..selectors.assessments import awaiting_assessment_q, chased_assessment_q
from ..services import available_transitions
from ..specs import default_spec, spec_for, transition_specs


def transition_action(submission, name: str, *, url: str) -> dict:
    """A button for transition ``name`` of ``submission``, as its spec describes it."""
    spec = spec_for(submission, name)
    return {
        "name": name,
        "label": str(spec.label),
        "url": url,
        "needs_form": spec.needs_form,
        "destructive": spec.destructive,
    }


def confirmation_text(submission, name: str) -> str:
    """What transition ``name`` will do to ``submission``, in its spec's words (naming the applicant and the
    assigned target); "" when the spec declares no confirmation."""
    text = spec_for(submission, name).confirmation
    if not text:
        return ""
    target = getattr(submission, "assigned_to", None)
    return str(text) % {"applicant": submission.applicant_name, "target": target.title if target else ""}


def bulk_transition_choices(*, model, user) -> list[dict]:
    """The bulk actions ``user`` may ever perform on rows of ``model``: staff transitions their role allows
    (on some row: for a leader, those of the targets they lead), whatever the rows' states now.

    Forward ones first, in the machine's order, the destructive ones last. Which of them a selection offers is
    narrowed in the browser to those offered on at least one selected row; each row is checked again when it runs.
    """
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return []
    probes = [model()]
    if issubclass(model, Application):
        managed = target_ids_managed_by(user=user, model=model)
        if managed:
            probes.append(model(assigned_to_id=min(managed)))
    specs = transition_specs(model)
    field = model._meta.get_field("state")
    states = [str(value) for value, _label in field.choices]
    permitted = {
        transition.name: states.index(str(transition.target)) if str(transition.target) in states else len(states)
        for transition in field.get_all_transitions(model)
        if not specs[transition.name].by_applicant and any(transition.has_perm(probe, user) for probe in probes)
    }
    # In the machine's order (by the state each leads to), the ones that move rows on first.
    names = sorted(
        permitted, key=lambda name: (specs[name].destructive, not specs[name].moves_forward, permitted[name])
    )
    return [{"name": name, "label": str(specs[name].label), "destructive": specs[name].destructive} for name in names]


def transitions_from_states(*, model, names, states) -> list[str]:
    """Those of ``names`` (in their order) that leave at least one of ``states``: what "Select all in listing"
    offers, from the states the whole filtered listing holds. A hint, like the footer's narrowing; the
    confirmation step checks each row."""
    states = {str(state) for state in states}
    leaving = set()
    for transition in model._meta.get_field("state").get_all_transitions(model):
        source = str(transition.source)
        if source == "*":
            sources = states
        elif source == "+":
            sources = states - {str(transition.target)}
        else:
            sources = {source} & states
        if sources:
            leaving.add(transition.name)
    return [name for name in names if name in leaving]


def _forward_transitions(model):
    """The transitions that move a row on (``TransitionSpec.moves_forward``), one per source state."""
    transitions = model._meta.get_field("state").get_all_transitions(model)
    return [t for t in transitions if (t.custom.get("spec") or default_spec(t.name)).moves_forward]


def staff_transitions(*, submission, user, managed_target_ids: set[int] | None = None) -> list[str]:
    """``available_transitions`` for a listing row, without a query per row.

    ``managed_target_ids`` (from ``target_ids_managed_by``, once per listing) answers the leader question
    for this row in memory: ``user_manages_target`` reads it from the row's prefetched targets.
    Only buttons are drawn from this; every POST is checked again by ``perform_transition``.
    """
    if managed_target_ids is not None:
        prefetch_managed_targets([submission], user=user, target_ids=managed_target_ids)
    return available_transitions(application=submission, user=user)


def awaiting_action_q(*, model, user) -> Q:
    """Rows on which ``user`` may now perform a transition that moves them on, as a queryset filter.

    The states come from the machine: every source state of a forward transition (``moves_forward``: not
    ending, rejecting, reopening, nor the applicant's) the user may perform because of their permissions,
    plus, for applications assigned to targets they lead, the sources of those a leader may perform
    (e.g. activate), plus the rows whose assessment was requested from the user and not given yet, and those
    where a request the user made is overdue.
    """
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return Q(pk__in=[])
    transitions = _forward_transitions(model)
    probe = model()
    general = {str(t.source) for t in transitions if t.has_perm(probe, user)}
    query = Q(state__in=sorted(general))
    if issubclass(model, Application):
        managed = target_ids_managed_by(user=user, model=model)
        if managed:
            leader_probe = model(assigned_to_id=min(managed))
            leader_states = {str(t.source) for t in transitions if t.has_perm(leader_probe, user)} - general
            if leader_states:
                query |= Q(state__in=sorted(leader_states), assigned_to_id__in=managed)
    return query | awaiting_assessment_q(model=model, user=user) | chased_assessment_q(model=model, user=user)
