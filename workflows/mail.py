"""A notification's mail rendered from its templates (``workflows/mail/<template>.subject.txt``, ``.txt``,
``.html``), in the language stored with it: what is sent, and what staff and the applicant are shown of it."""

from django.conf import settings
from django.template import TemplateDoesNotExist, TemplateSyntaxError
from django.template.loader import render_to_string
from django.utils import translation

TEMPLATE_DIR = "workflows/mail"


def _render(notification, suffix: str) -> str:
    context = {**notification.context, "recipient_email": notification.recipient_email}
    with translation.override(notification.context.get("language") or settings.LANGUAGE_CODE):
        return render_to_string(f"{TEMPLATE_DIR}/{notification.template}{suffix}", context)


def render_subject(notification) -> str:
    """The subject line on one line (a template's line breaks and runs of spaces collapsed)."""
    return " ".join(_render(notification, ".subject.txt").split())


def render_notification(notification) -> tuple[str, str, str]:
    """(subject, text body, HTML body) of a notification, in the language stored with it."""
    return render_subject(notification), _render(notification, ".txt"), _render(notification, ".html")


def mail_subject(notification) -> str:
    """The subject the mail had (or will have), in its recipient's language; its template's name if it has none."""
    try:
        subject = render_subject(notification)
    except (TemplateDoesNotExist, TemplateSyntaxError):
        return notification.template
    return subject or notification.template
