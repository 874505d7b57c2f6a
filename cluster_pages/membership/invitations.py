"""The invitation a new member receives: the workspace link and a link to set their password.

The set-password link is Django's password-reset link (``default_token_generator`` and the user's id in
base 64), answered by ``PasswordResetConfirmView`` at ``member_set_password`` (see cms/urls.py). The token
stops working once the password is set and after ``PASSWORD_RESET_TIMEOUT``.
"""

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.shortcuts import resolve_url
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from workflows.services.notifications import form_setting, notification_queue, public_root_url

INVITATION_TEMPLATE = "member_invitation"


def set_password_url(*, user, root_url: str) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    token = default_token_generator.make_token(user)
    return root_url + reverse("member_set_password", kwargs={"uidb64": uid, "token": token})


def member_invitation_queue(*, application, user, cluster, workspace, new_account: bool):
    """Queue the invitation mail in the outbox (sent after the transition commits)."""
    root_url = public_root_url(application)
    # The applicant's language, not that of the staff member whose activation sends the mail.
    language = application.mail_language
    with translation.override(language):
        workspace_page = workspace.localized
        context = {
            "from_email": form_setting(application, "from_address") or settings.DEFAULT_FROM_EMAIL,
            "language": language,
            "site_name": settings.WAGTAIL_SITE_NAME,
            "site_url": root_url,
            "reference": application.reference or "",
            "applicant_name": application.applicant_name,
            "cluster_title": cluster.localized.title,
            "workspace_url": workspace_page.get_full_url() or root_url + (workspace_page.get_url() or ""),
            "username": user.get_username(),
            "new_account": new_account,
            "set_password_url": set_password_url(user=user, root_url=root_url),
            "login_url": root_url + resolve_url(settings.LOGIN_URL),
        }
    return notification_queue(
        submission=application,
        template=INVITATION_TEMPLATE,
        recipient_email=user.email or application.applicant_email,
        recipient_user=user,
        to_applicant=True,
        context=context,
    )
