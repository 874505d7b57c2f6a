"""Mail about an account's second factor, sent by the background worker (django-tasks)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

METHODS = {"authenticator", "passkey"}


@task()
def mail_second_factor_added(user_id: int, method: str, language: str) -> bool:
    """Tell the account's owner that a second factor was added, so one added by someone else does not go unseen.

    Returns whether a mail was sent (not when the account is gone or has no address).
    """
    user = get_user_model()._default_manager.filter(pk=user_id).first()
    if user is None or not user.email or method not in METHODS:
        return False
    context = {
        "user": user,
        "method": method,
        "added_at": timezone.localtime(),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "account_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("two_factor_account"),
    }
    with translation.override(language):
        subject = render_to_string("two_factor/mail/second_factor_added_subject.txt", context)
        body = render_to_string("two_factor/mail/second_factor_added.txt", context)
    send_mail(" ".join(subject.split()), body, None, [user.email])
    return True
