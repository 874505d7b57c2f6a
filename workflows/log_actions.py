"""Labels for the plugin's entries in Wagtail's audit log ("Application reviewed", ...)."""

from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter

NOTE_ACTION = "workflow_forms.add_note"
# Used for a transition of a machine declared outside the plugin that registers no label of its own.
GENERIC_TRANSITION_ACTION = "workflow_forms.transition"

TRANSITION_LABELS = {
    "submit": _("Application submitted"),
    "review": _("Application reviewed"),
    "request_changes": _("Changes requested from the applicant"),
    "resubmit": _("Application resubmitted"),
    "assign": _("Application assigned"),
    "activate": _("Application activated"),
    "reject": _("Application rejected"),
    "withdraw": _("Application withdrawn"),
    "end": _("Participation ended"),
    "reopen": _("Application reopened"),
}


def log_action_for(transition: str) -> str:
    if transition in TRANSITION_LABELS:
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


def register(actions) -> None:
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    for transition, label in TRANSITION_LABELS.items():
        formatter = type("TransitionLogFormatter", (TransitionLogFormatter,), {"label": label, "message": label})
        actions.register_action(log_action_for(transition))(formatter)
    actions.register_action(GENERIC_TRANSITION_ACTION)(GenericTransitionLogFormatter)
    actions.register_action(NOTE_ACTION, _("Internal note added"), _("Internal note added"))
