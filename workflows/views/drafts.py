"""The private link "save and continue later" mails: it opens the draft in this browser, where it was left."""

from django.http import Http404, HttpResponseRedirect
from django.views.decorators.http import require_http_methods

from ..abuse import status_link_attempt
from ..selectors.applicant import private_status_response
from ..services.drafts import draft_for_token, draft_open
from ..stepped_form import set_draft_cookie
from .status_link import wrong_tokens_limited


def _draft_or_404(token):
    draft = draft_for_token(token)
    if draft is None:
        raise Http404("No draft has this link (it was sent, deleted, or replaced by a newer link).")
    return draft


@require_http_methods(["GET", "HEAD"])
@wrong_tokens_limited
def draft_resume(request, token):
    """Give this browser the draft (a wrong token counts against the address's wrong links) and go to its step."""
    draft = status_link_attempt(request, lambda: _draft_or_404(token))
    page = draft.page.specific
    key = draft_open(draft=draft)
    response = private_status_response(HttpResponseRedirect(page.url, status=303))
    set_draft_cookie(response, page, key)
    return response
