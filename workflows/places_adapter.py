"""The plugin's own adapter for registration kinds: what a cancellation or a promotion does beyond the row.

``WorkflowFormsConfig.ready()`` registers it for ``AbstractRegistration``, so every concrete registration kind
answers with it (``kind_adapter`` walks the model's ancestors). A site that registers an adapter of its own for a
registration kind subclasses ``RegistrationKindAdapter`` and calls ``super().after_transition(...)``; otherwise
a cancellation no longer gives its place to the waiting list.
"""

from .adapters import KindAdapter, register_kind
from .models.places import AbstractRegistration
from .services.places import registration_after_cancel, registration_after_promote


class RegistrationKindAdapter(KindAdapter):
    """Keeps the places right whichever way a cancellation or a promotion comes in (services, admin, API)."""

    def after_transition(self, submission, *, name: str, actor, log_entry) -> None:
        """A cancellation gives its place to the waiting list; a promotion must have found a free place."""
        if name == "cancel":
            registration_after_cancel(registration=submission)
        elif name == "promote":
            registration_after_promote(registration=submission)


def register() -> None:
    """Answer for every registration kind that has no adapter of its own (called from ``AppConfig.ready()``)."""
    register_kind(AbstractRegistration, RegistrationKindAdapter())
