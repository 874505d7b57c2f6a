"""Labels for the plugin's entries in Wagtail's audit log ("Application reviewed", ...).

Each transition is logged as ``workflow_forms.<name>`` with the ``log_label`` of its spec; a transition
declared without one is logged as the generic ``workflow_forms.transition``.
"""

from functools import cache

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

from .registry import submission_models
from .specs import transition_specs

NOTE_ACTION = "workflow_forms.add_note"
#: Written by the personal-data services when an applicant is erased (on request or by retention).
ERASED_ACTION = "workflow_forms.erase"
GENERIC_TRANSITION_ACTION = "workflow_forms.transition"
ASSESSMENT_REQUESTED_ACTION = "workflow_forms.assessment_request"
ASSESSMENT_GIVEN_ACTION = "workflow_forms.assessment_give"
ASSESSMENT_EDITED_ACTION = "workflow_forms.assessment_edit"
ASSESSMENT_DECLINED_ACTION = "workflow_forms.assessment_decline"
ASSESSMENT_WITHDRAWN_ACTION = "workflow_forms.assessment_withdraw"
ASSESSMENT_REASSIGNED_ACTION = "workflow_forms.assessment_reassign"
CONFLICT_DECLARED_ACTION = "workflow_forms.conflict_declare"
#: A submission is logged like a transition ("" → its first state), though no method performs it.
SUBMIT = "submit"
SUBMIT_LABEL = _("Application submitted")


@cache
def transition_log_labels() -> dict[str, str]:
    """Transition name → its log label, over the machines of every submission kind (the first one wins)."""
    labels = {SUBMIT: SUBMIT_LABEL}
    for model in submission_models():
        for name, spec in transition_specs(model).items():
            if spec.log_label:
                labels.setdefault(name, spec.log_label)
    return labels


def log_action_for(transition: str) -> str:
    if transition in transition_log_labels():
        return f"workflow_forms.{transition}"
    return GENERIC_TRANSITION_ACTION


class TransitionLogFormatter(LogFormatter):
    """Shows the internal note (if any) as the entry's comment in Wagtail's history views."""

    def format_comment(self, log_entry):
        return (log_entry.data or {}).get("note", "")


class GenericTransitionLogFormatter(TransitionLogFormatter):
    label = _("Application state changed")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("%(transition)s: %(from_state)s → %(to_state)s") % {
            "transition": data.get("transition", ""),
            "from_state": data.get("from_state") or "∅",
            "to_state": data.get("to_state", ""),
        }


class AssessmentRequestedFormatter(LogFormatter):
    label = _("Assessment requested")

    def format_message(self, log_entry):
        reviewer = (log_entry.data or {}).get("reviewer", "")
        return _("Assessment requested from %(reviewer)s") % {"reviewer": reviewer}


class AssessmentDeclinedFormatter(LogFormatter):
    label = _("Assessment request declined")

    def format_message(self, log_entry):
        # No reason: everyone who reads the history sees this, and a declared conflict is for coordinators only
        # (the reason stays in the entry's data and on the logger).
        return _("%(reviewer)s declined the assessment request") % {
            "reviewer": (log_entry.data or {}).get("reviewer", "")
        }


class AssessmentWithdrawnFormatter(LogFormatter):
    label = _("Assessment request withdrawn")

    def format_message(self, log_entry):
        return _("Assessment request to %(reviewer)s withdrawn") % {
            "reviewer": (log_entry.data or {}).get("reviewer", "")
        }


class AssessmentReassignedFormatter(LogFormatter):
    label = _("Assessment request re-assigned")

    def format_message(self, log_entry):
        data = log_entry.data or {}
        return _("Assessment request re-assigned from %(reviewer)s to %(replacement)s") % {
            "reviewer": data.get("reviewer", ""),
            "replacement": data.get("replacement", ""),
        }


class ConflictDeclaredFormatter(LogFormatter):
    label = _("Conflict of interest declared")

    def format_message(self, log_entry):
        return _("Conflict of interest declared for %(person)s") % {"person": (log_entry.data or {}).get("person", "")}


def register(actions) -> None:
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    for transition, label in transition_log_labels().items():
        formatter = type("TransitionLogFormatter", (TransitionLogFormatter,), {"label": label, "message": label})
        actions.register_action(log_action_for(transition))(formatter)
    actions.register_action(GENERIC_TRANSITION_ACTION)(GenericTransitionLogFormatter)
    actions.register_action(NOTE_ACTION, _("Internal note added"), _("Internal note added"))
    actions.register_action(ASSESSMENT_REQUESTED_ACTION)(AssessmentRequestedFormatter)
    actions.register_action(ASSESSMENT_GIVEN_ACTION, _("Assessment given"), _("Assessment given"))
    actions.register_action(ASSESSMENT_EDITED_ACTION, _("Assessment changed"), _("Assessment changed"))
    actions.register_action(ASSESSMENT_DECLINED_ACTION)(AssessmentDeclinedFormatter)
    actions.register_action(ASSESSMENT_WITHDRAWN_ACTION)(AssessmentWithdrawnFormatter)
    actions.register_action(ASSESSMENT_REASSIGNED_ACTION)(AssessmentReassignedFormatter)
    actions.register_action(CONFLICT_DECLARED_ACTION)(ConflictDeclaredFormatter)
    actions.register_action(ERASED_ACTION, _("Applicant's personal data erased"), _("Applicant's personal data erased"))
