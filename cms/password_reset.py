"""Password reset for staff (Wagtail's ``/admin/password_reset/``) and members (``/account/password-reset/``).

The request only checks the form and queues the work: counting the address, looking it up, making the link and
sending the mail happen in the background worker, so the answer, and how long it takes, is the same for a known
address, an unknown one and one that is over its limit. Limits (django-ratelimit counters, "ratelimit" cache):
- ``PASSWORD_RESET_ADDRESS_RATE`` (5/h) mails to one address, counted by the worker; asking more often still
  gets the usual answer, as fast, and no mail.
- ``PASSWORD_RESET_CLIENT_RATE`` (20/h) requests from one client (``cms.security.client_network``: an IPv6 /64
  is one client); more get a 429 page with ``Retry-After``.
"""

import hashlib
import logging
import unicodedata

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.utils import translation
from django.utils.module_loading import import_string
from django_ratelimit import ALL
from django_ratelimit.core import get_usage
from django_tasks import task
from wagtail.admin.views import account

from cms.security import client_network

logger = logging.getLogger(__name__)

CLIENT_GROUP = "password-reset:client"
ADDRESS_GROUP = "password-reset:address"
RETRY_AFTER_SECONDS = 60 * 60


def _address_key(email: str) -> str:
    folded = unicodedata.normalize("NFKC", email.strip()).casefold()
    return hashlib.sha256(folded.encode()).hexdigest()


def _over(request, *, group: str, key, rate: str) -> bool:  # ``request`` is None in the worker
    """Count this request for ``group``; fails open (logged) when the counter cannot be stored, as the forms do."""
    try:
        usage = get_usage(request, group=group, key=key, rate=rate, method=ALL, increment=True)
    except DatabaseError as error:
        logger.warning("Rate-limit counter for %s not stored (%s); letting the request through.", group, error)
        return False
    return bool(usage and usage["should_limit"])


def client_over_limit(request) -> bool:
    rate = getattr(settings, "PASSWORD_RESET_CLIENT_RATE", "20/h")
    return _over(request, group=CLIENT_GROUP, key=lambda _group, req: client_network(req), rate=rate)


def address_over_limit(email: str) -> bool:
    rate = getattr(settings, "PASSWORD_RESET_ADDRESS_RATE", "5/h")
    return _over(None, group=ADDRESS_GROUP, key=lambda _group, _req: _address_key(email), rate=rate)


@task()
def send_password_reset(form_path: str, email: str, options: dict, language: str) -> None:
    """Django's password-reset mail for ``email``, if it belongs to an active account and is within its limit.

    Returns nothing: the task's stored result must not tell whether the address is known.
    """
    form = import_string(form_path)(data={"email": email})
    if not form.is_valid() or address_over_limit(email):
        return
    with translation.override(language):
        form.save(**options)


class QueuedPasswordResetMixin:
    """For a ``PasswordResetView``: limit, then queue the mail; the same "sent" page whatever the address."""

    def post(self, request, *args, **kwargs):
        if client_over_limit(request):
            response = render(request, "registration/password_reset_limited.html", status=429)
            response.headers["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        form_class = type(form)
        send_password_reset.enqueue(
            f"{form_class.__module__}.{form_class.__qualname__}",
            form.cleaned_data["email"],
            self.mail_options(),
            translation.get_language() or settings.LANGUAGE_CODE,
        )
        return HttpResponseRedirect(self.get_success_url())

    def mail_options(self) -> dict:
        """What Django's view passes to ``form.save()``, without the request (the worker has none)."""
        return {
            "domain_override": self.request.get_host(),
            "use_https": self.request.is_secure(),
            "from_email": self.from_email,
            "email_template_name": self.email_template_name,
            "subject_template_name": self.subject_template_name,
            "html_email_template_name": self.html_email_template_name,
            "extra_email_context": self.extra_email_context,
        }


class StaffPasswordResetView(QueuedPasswordResetMixin, account.PasswordResetView):
    """Wagtail's "forgotten password" page for staff, with the mail queued and the limits above."""
