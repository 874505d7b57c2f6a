"""The daily staff digest: one mail per person who wants it and has something awaiting them, never twice a day.

The day is a date in the site's time zone. A ``StaffDigest`` row unique per person and day is written before the
mail is handed over (after the commit): a second run that day, or a second worker at the same moment, finds the
row and sends nothing. A mail the server refuses is not retried that day; the next day's digest lists it all again.
"""

import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import get_resolver, reverse
from django.utils import timezone, translation

from ..digest import digest_sections
from ..models import StaffDigest, StaffDigestPreference
from .notifications import staff_language, users_with_permission

logger = logging.getLogger("workflows.digests")

#: Staff who get the digest unless they turn it off: the coordinators (who ask for assessments).
DEFAULT_ON_PERMISSION = "workflow_forms.request_assessment"


def digest_wanted_by_default(user) -> bool:
    return user.is_active and user.has_perm(DEFAULT_ON_PERMISSION)


def digest_recipients():
    """Active staff with an address who chose the digest, and coordinators who did not turn it off."""
    from django.contrib.auth import get_user_model

    chose = StaffDigestPreference.objects.filter(wants_digest=True).values("user_id")
    declined = StaffDigestPreference.objects.filter(wants_digest=False).values("user_id")
    default_on = users_with_permission(DEFAULT_ON_PERMISSION).exclude(pk__in=declined).values("pk")
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .exclude(email="")
        .filter(Q(pk__in=chose) | Q(pk__in=default_on))
        .order_by("pk")
    )


def staff_digest_send(*, user, today=None) -> bool:
    """Send ``user`` today's digest unless nothing awaits them or it was sent today already. True when sent."""
    today = today or timezone.localdate()
    get_resolver().url_patterns  # noqa: B018 - the admin's viewsets register (and link) once the URLs load
    language = staff_language(user)
    with translation.override(language):
        sections = digest_sections(user=user, today=today)
        if not sections:
            return False
        context = {
            "user": user,
            "sections": sections,
            "today": today,
            "language": language,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": settings.WAGTAILADMIN_BASE_URL,
            "recipient_email": user.email,
            "account_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_account"),
        }
        subject = " ".join(render_to_string("workflows/mail/staff_digest.subject.txt", context).split())
        body = render_to_string("workflows/mail/staff_digest.txt", context)
        html = render_to_string("workflows/mail/staff_digest.html", context)
    try:
        with transaction.atomic():
            StaffDigest.objects.create(user=user, day=today)
            message = EmailMultiAlternatives(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email])
            message.attach_alternative(html, "text/html")
            transaction.on_commit(lambda: _deliver(message, user_id=user.pk))
    except IntegrityError:
        return False  # sent today already (or being sent by another worker right now)
    return True


def _deliver(message, *, user_id: int) -> None:
    try:
        message.send()
    except Exception:
        logger.exception("staff digest not delivered user_id=%s", user_id)


def staff_digests_send(*, today=None) -> int:
    """Today's digest to every recipient; returns how many were sent."""
    return sum(staff_digest_send(user=user, today=today) for user in digest_recipients())
