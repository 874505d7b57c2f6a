"""What every status-link page shares: the token's submission under the wrong-token limit, and the 429 page."""

import functools

from ..abuse import TooManyWrongTokens, status_link_attempt, too_many_requests
from ..selectors.applicant import private_status_response, submission_for_status_link


def wrong_tokens_limited(view):
    """Refuse with the 429 page while the visitor's address has used up its wrong status tokens."""

    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except TooManyWrongTokens as refusal:
            response = too_many_requests(request, retry_after=refusal.retry_after, wrong_status_links=True)
            return private_status_response(response)

    return wrapped


def submission_for_token(request, token):
    """The token's submission; a 404 counts against the address's wrong tokens (``abuse.status_link_attempt``)."""
    return status_link_attempt(request, lambda: submission_for_status_link(token))
