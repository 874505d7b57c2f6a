"""A submission's status links: a new (pending) token issued for a mail, made the status link once opened.

The token itself is known only here and in the mail that carries it; the submission keeps hashes
(``tokens.token_hash``) in ``status_token_hash`` and ``pending_token_hash``.
"""

from django.db import transaction

from .tokens import token_generate, token_hash, token_matches


def pending_status_token_issue(*, submission) -> str:
    """A new status token kept as the submission's pending one (its hash only); returns the token.

    Call it inside the transaction that queues the mail carrying the token, the only place it is known. The
    current link keeps working until the new one is opened (``status_token_promote``); an earlier pending link
    not opened yet stops working (the newest mail wins). Used by "lost your link?" and by the mails of
    transitions that ask the applicant to act (``TransitionSpec.sends_status_link``).
    """
    token = token_generate()
    digest = token_hash(token)
    type(submission)._default_manager.filter(pk=submission.pk).update(pending_token_hash=digest)
    submission.pending_token_hash = digest
    return token


def status_token_promote(*, submission, token: str):
    """Make a pending link the status link when it is opened; the earlier link stops working then.

    Does nothing for the current link. Returns the submission with its token fields up to date.
    """
    if not submission.pending_token_hash or not token_matches(token, submission.pending_token_hash):
        return submission
    digest = token_hash(token)
    with transaction.atomic():
        promoted = (
            type(submission)
            ._default_manager.filter(pk=submission.pk, pending_token_hash=digest)
            .update(status_token_hash=digest, pending_token_hash="")
        )
    if promoted:
        submission.status_token_hash, submission.pending_token_hash = digest, ""
    return submission
