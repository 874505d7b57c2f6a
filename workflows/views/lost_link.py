"""“Lost your link?”: new status links by e-mail; the answer and its timing never tell whether an address is known."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_http_methods

from ..abuse import honeypot_filled, rate_limit_exceeded, too_many_requests
from ..forms import LostLinkForm
from ..tasks import resend_status_links

RATE_LIMIT_GROUP = "workflow_forms:lost-link"


@require_http_methods(["GET", "HEAD", "POST"])
def lost_link(request):
    if request.method == "POST":
        if rate_limit_exceeded(request, group=RATE_LIMIT_GROUP):
            return too_many_requests(request)
        form = LostLinkForm(request.POST)
        if form.is_valid():
            if not honeypot_filled(request.POST):
                # Queued whatever the address: the lookup, new tokens and mails happen in the worker, so
                # neither the answer nor its timing depends on whether the address is known.
                language = getattr(request, "LANGUAGE_CODE", None) or settings.LANGUAGE_CODE
                resend_status_links.enqueue(form.cleaned_data["email"], language)
            # The same page for a known address, an unknown one and a robot: nothing tells them apart.
            response = TemplateResponse(request, "workflows/lost_link_sent.html", {"email": form.cleaned_data["email"]})
            patch_cache_control(response, no_store=True, private=True)
            return response
    else:
        form = LostLinkForm()
    return TemplateResponse(request, "workflows/lost_link.html", {"form": form})
