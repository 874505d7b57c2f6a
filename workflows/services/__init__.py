"""The plugin's write operations. Views, admin, API and management commands call these, never the models."""

from .delivery import notification_deliver
from .notifications import status_link_resend, submission_record
from .records import note_add
from .transitions import available_transitions, perform_transition, transition_names

__all__ = [
    "available_transitions",
    "note_add",
    "notification_deliver",
    "perform_transition",
    "status_link_resend",
    "submission_record",
    "transition_names",
]
