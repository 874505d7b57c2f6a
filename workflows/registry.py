"""Finding submissions across every kind: the plugin does not know the site's models, it asks Django."""

from django.apps import apps
from django.db.models import Q

from .models.submissions import AbstractSubmission
from .tokens import token_hash


def submission_models() -> list[type[AbstractSubmission]]:
    """Concrete submission models that own their table of tokens (multi-table kinds share their parent's)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, AbstractSubmission) and model._meta.get_field("status_token_hash").model is model
    ]


def as_specific(submission):
    """The submission as its concrete kind (``Application.specific``); other submissions are already specific."""
    return getattr(submission, "specific", submission)


def submission_for_token(token: str):
    """The submission whose status link carries ``token``, as its specific kind, or None.

    Looked up by the token's hash (only hashes are stored), then compared in constant time. A link sent by
    "lost your link?" and not opened yet (``pending_token_hash``) is found too.
    """
    if not token or len(token) > 128:
        return None
    digest = token_hash(token)
    for model in submission_models():
        matching = Q(status_token_hash=digest) | Q(pending_token_hash=digest)
        submission = model._default_manager.filter(matching).first()
        if submission is not None and submission.token_is_valid(token):
            return as_specific(submission)
    return None


def submissions_for_email(email: str) -> list:
    """Every submission made with this e-mail address (any kind), oldest first, as specific kinds."""
    found = []
    for model in submission_models():
        found.extend(model._default_manager.filter(applicant_email__iexact=email.strip()))
    return [as_specific(submission) for submission in sorted(found, key=lambda s: s.submitted_at)]
