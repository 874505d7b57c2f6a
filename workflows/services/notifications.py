"""The outbox: who is told what about a submission. Rows are written in the caller's transaction and
sent after it commits by ``workflows.tasks.send_notification`` (see services/delivery.py).

Secrecy of the status link: the applicant's token is known only when it is made (at submission, when the
"lost your link?" form issues a new one, and when a transition whose spec ``sends_status_link`` issues a
pending one, e.g. a changes request), so the mail sent at that moment ("applicant_received",
"applicant_status_link", "applicant_changes_requested") is the only notification whose context holds the token
URL (``status_url``), and delivery removes it from the row once the mail is sent or has finally failed. Every
other mail links to the "lost your link?" page instead.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.core.exceptions import ObjectDoesNotExist
from django.db import router, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from ..actors import ApplicantActor
from ..models import Notification
from ..registry import as_specific, submissions_for_email
from ..specs import spec_for
from ..status_tokens import pending_status_token_issue
from ..workspaces import submission_admin_url
from .records import transition_log_write

ALERT_PERMISSION = "workflow_forms.review_application"


def users_with_permission(perm: str):
    """Active users holding ``perm`` ("app_label.codename") through a group or directly, with an address.

    Two ``IN`` subqueries on the membership tables rather than joins through them with ``DISTINCT``: the same
    users, and PostgreSQL plans it in a quarter of the time (it runs in every submission's transaction)."""
    app_label, codename = perm.split(".", 1)
    user_model = get_user_model()
    permission = Permission.objects.filter(codename=codename, content_type__app_label=app_label)
    memberships = user_model.groups.through.objects.filter(group__permissions__in=permission)
    grants = user_model.user_permissions.through.objects.filter(permission__in=permission)
    return (
        user_model.objects.filter(is_active=True)
        .filter(Q(pk__in=memberships.values("user_id")) | Q(pk__in=grants.values("user_id")))
        .exclude(email="")
        .order_by("pk")
    )


def enqueue_delivery(notification_id: int, *, run_after=None) -> None:
    """Queue the send task now (the caller has committed, or runs it from ``on_commit``)."""
    from ..tasks import send_notification

    task = send_notification.using(run_after=run_after) if run_after else send_notification
    task.enqueue(notification_id)


def notification_queue(
    *, submission, template: str, recipient_email: str, context: dict, recipient_user=None, to_applicant=False
) -> Notification:
    """Write one pending notification and have it sent once the surrounding transaction commits."""
    notification = Notification.objects.create(
        submission=as_specific(submission),
        template=template,
        recipient_email=recipient_email,
        recipient_user=recipient_user,
        to_applicant=to_applicant,
        context=context,
    )
    # robust: a queue that is down must not turn a saved change into an error page; the row stays
    # pending and `send_pending_notifications` picks it up.
    transaction.on_commit(lambda: enqueue_delivery(notification.pk), robust=True)
    return notification


def enqueue_deliveries(notification_ids: list[int]) -> None:
    """Queue one task that sends all these notifications (the caller has committed)."""
    from ..tasks import send_notifications

    send_notifications.enqueue(notification_ids)


def notifications_queue(notifications: list[Notification]) -> list[Notification]:
    """Write these unsaved pending notifications in one INSERT; one task sends them after the commit."""
    created = Notification.objects.bulk_create(notifications)
    ids = [notification.pk for notification in created]
    if ids and task_queue_commits_with_the_outbox():
        # The task's row commits (or rolls back) with the notifications: one commit, not a second one after it.
        enqueue_deliveries(ids)
    elif ids:
        # robust, as in ``notification_queue``: the rows stay pending for `send_pending_notifications`.
        transaction.on_commit(lambda: enqueue_deliveries(ids), robust=True)
    return created


def task_queue_commits_with_the_outbox() -> bool:
    """True when the task queue is a table in the outbox's database (django-tasks' database backend).

    A worker sees the task only once the transaction that wrote it commits, as it sees the notifications, so the
    task may be written inside that transaction. Any other queue (another database, a broker, the immediate
    backend of the tests) is only told after the commit: it could run the task before the rows exist.
    """
    try:
        from django_tasks_db import DatabaseBackend
        from django_tasks_db.models import DBTaskResult
    except ImportError:
        return False
    from ..tasks import send_notifications

    return isinstance(send_notifications.get_backend(), DatabaseBackend) and router.db_for_write(
        DBTaskResult
    ) == router.db_for_write(Notification)


# -- what goes into the mails -------------------------------------------------------------------


def public_root_url(submission) -> str:
    """The root URL of the site the submission's form is on (the default site's without a form), kept on the
    instance: one submission's mails ask for it several times."""
    cached = getattr(submission, "_public_root_url", None)
    if cached is None:
        cached = submission._public_root_url = _site_root_url(submission.form_page)
    return cached


def _site_root_url(page) -> str:
    if page is not None:
        # Wagtail's cached site root paths: no query once warm (``page.get_site()`` queries every time).
        url_parts = page.get_url_parts()
        root_url = url_parts[1] if url_parts else None
    else:
        site = Site.objects.filter(is_default_site=True).first()
        root_url = site.root_url if site else None
    return (root_url or settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def status_url_for(submission, token: str) -> str:
    return public_root_url(submission) + reverse("workflow_forms:status", args=[token])


def lost_link_url(submission) -> str:
    return public_root_url(submission) + reverse("workflow_forms:lost_link")


def _kind_label(specific) -> str:
    return str(getattr(specific, "kind_label", specific._meta.verbose_name))


def form_setting(submission, name: str) -> str:
    """A mail setting of the form the submission came from (``from_address``, ``alert_address``), or ""."""
    page = submission.form_page
    return getattr(page.specific, name, "") or "" if page is not None else ""


def _base_context(specific, *, language: str) -> dict:
    return {
        "from_email": form_setting(specific, "from_address") or settings.DEFAULT_FROM_EMAIL,
        "language": language,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": public_root_url(specific),
        "reference": specific.reference or "",
        "kind": _kind_label(specific),
        "applicant_name": specific.applicant_name,
    }


def _applicant_context(specific, *, language: str) -> dict:
    context = _base_context(specific, language=language)
    context.update(
        lost_link_url=lost_link_url(specific),
        state_label=str(getattr(specific, "applicant_state_label", "")),
        state_explanation=str(getattr(specific, "applicant_state_explanation", "")),
    )
    return context


def _staff_context(specific, *, language: str) -> dict:
    context = _base_context(specific, language=language)
    context.update(applicant_email=specific.applicant_email, admin_url=submission_admin_url(specific, "inspect"))
    return context


def _target_context(application, target) -> dict:
    """The target's title and link, as its translation into the active language where it has one (a page)."""
    page = target.specific
    page = getattr(page, "localized", page)
    return {
        "target_title": page.title,
        "target_url": page.full_url or "",
        "leader_names": application.target_leader_names(target),
    }


def staff_language(user) -> str:
    """The language a staff member chose for the admin (Account › Preferences), else the site's."""
    if user is None:
        return settings.LANGUAGE_CODE
    try:
        profile = user.wagtail_userprofile
    except ObjectDoesNotExist:
        return settings.LANGUAGE_CODE
    # Not ``get_preferred_language()``: without a choice it answers the active language, the applicant's.
    return profile.preferred_language or settings.LANGUAGE_CODE


class StaffContexts:
    """The staff alerts' contexts, one per admin language among the recipients (built once per language)."""

    def __init__(self, specific, *, extra: dict | None = None):
        self.specific = specific
        self.extra = extra or {}
        self._by_language: dict[str, dict] = {}

    def for_user(self, user) -> dict:
        language = staff_language(user)
        if language not in self._by_language:
            with translation.override(language):
                context = _staff_context(self.specific, language=language)
            self._by_language[language] = {**context, **self.extra}
        return self._by_language[language]


def _alert(*, specific, template: str, recipients, contexts: StaffContexts) -> list[Notification]:
    notifications, seen = [], set()
    for user in recipients:
        if not user.is_active or not user.email or user.email.lower() in seen:
            continue
        seen.add(user.email.lower())
        notifications.append(
            notification_queue(
                submission=specific,
                template=template,
                recipient_email=user.email,
                recipient_user=user,
                context=contexts.for_user(user),
            )
        )
    return notifications


# -- the events ---------------------------------------------------------------------------------


def submission_record(*, submission, token: str, alert_permission: str = ALERT_PERMISSION):
    """Record a submission the forms code has just created (call it inside the same transaction).

    Writes the first log row ("submit": "" → the submission's state, by the applicant) with its Wagtail
    audit entry, the applicant's confirmation carrying the status link made from ``token`` (see the
    module docstring) and an alert to every active user with ``alert_permission``. Mail goes out after
    the transaction commits. Returns the log row.
    """
    specific = as_specific(submission)
    # No savepoint inside the caller's transaction (two statements saved): a failure here fails the whole
    # submission anyway, and alone this is still one transaction.
    with transaction.atomic(savepoint=False):
        entry = transition_log_write(
            submission=specific,
            transition="submit",
            from_state="",
            to_state=specific.state,
            actor=ApplicantActor.for_submission(specific),
        )
        notify_submission(submission=specific, token=token, alert_permission=alert_permission)
    return entry


def applicant_mail_queue(*, submission, template: str, language: str, extra=dict) -> Notification:
    """Queue one mail to the applicant; its context, and ``extra()``'s additions to it, made in ``language``."""
    with translation.override(language):
        context = {**_applicant_context(submission, language=language), **extra()}
    return notification_queue(
        submission=submission,
        template=template,
        recipient_email=submission.applicant_email,
        to_applicant=True,
        context=context,
    )


def status_link_resend(*, submission, token: str) -> Notification:
    """Mail the applicant the new status link made from ``token`` (the "lost your link?" form)."""
    specific = as_specific(submission)
    return applicant_mail_queue(
        submission=specific,
        template="applicant_status_link",
        # A submission from before languages were recorded: the language the link was asked for in.
        language=specific.language or translation.get_language() or settings.LANGUAGE_CODE,
        extra=lambda: {"status_url": status_url_for(specific, token)},
    )


def status_links_resend(*, email: str) -> int:
    """Send each submission made with ``email`` a new status link (outbox), kept as its pending token.

    The current link keeps working until the new one is opened (``status_token_promote``), so asking for
    links with someone else's address cannot take theirs away. A second request replaces the pending link
    (the newest mail wins), never the current one. Returns how many submissions were found; callers must
    not reveal it to the visitor (the view queues ``tasks.resend_status_links`` and never sees it).
    """
    submissions = submissions_for_email(email)
    with transaction.atomic():
        for submission in submissions:
            status_link_resend(submission=submission, token=pending_status_token_issue(submission=submission))
    return len(submissions)


def notify_submission(*, submission, token: str, alert_permission: str = ALERT_PERMISSION) -> list[Notification]:
    """The applicant's confirmation (with the status link) and the alert to everyone who reviews: written in one
    INSERT and sent by one task."""
    specific = as_specific(submission)
    language = specific.mail_language
    with translation.override(language):
        confirmation_context = _applicant_context(specific, language=language)
        confirmation_context["status_url"] = status_url_for(specific, token)
    notifications = [
        Notification(
            submission=specific,
            template="applicant_received",
            recipient_email=specific.applicant_email,
            to_applicant=True,
            context=confirmation_context,
        )
    ]
    staff_contexts = StaffContexts(specific)
    seen = set()
    for user in users_with_permission(alert_permission).select_related("wagtail_userprofile"):
        if user.email.lower() in seen:
            continue
        seen.add(user.email.lower())
        notifications.append(
            Notification(
                submission=specific,
                template="staff_new_application",
                recipient_email=user.email,
                recipient_user=user,
                context=staff_contexts.for_user(user),
            )
        )
    alert_address = form_setting(specific, "alert_address")
    if alert_address and alert_address.lower() not in seen:
        notifications.append(
            Notification(
                submission=specific,
                template="staff_new_application",
                recipient_email=alert_address,
                context=staff_contexts.for_user(None),
            )
        )
    return notifications_queue(notifications)


def notify_transition(*, application, log_entry, actor) -> list[Notification]:
    """The mails a transition causes: the applicant's (never with the internal note) and staff alerts."""
    specific = as_specific(application)
    transition = log_entry.transition
    # The applicant reads mail in the language they used, whoever acts (a reviewer working in English too).
    language = specific.mail_language
    notifications = []

    spec = spec_for(specific, transition)
    assigned = getattr(specific, "assigned_to_id", None) is not None
    target = specific.assigned_to if spec.mentions_target and assigned else None
    if spec.applicant_mail:
        with translation.override(language):
            context = _applicant_context(specific, language=language)
            context["message"] = log_entry.message
            if target is not None:
                context.update(_target_context(specific, target))
                context["discussion_url"] = specific.target_discussion_url(target) if spec.shares_discussion else ""
            if spec.sends_status_link:
                context["status_url"] = status_url_for(specific, pending_status_token_issue(submission=specific))
        notifications.append(
            notification_queue(
                submission=specific,
                template=spec.applicant_mail,
                recipient_email=specific.applicant_email,
                to_applicant=True,
                context=context,
            )
        )

    if not spec.staff_alert:
        return notifications
    extra = {}
    if target is not None:
        with translation.override(settings.LANGUAGE_CODE):  # one context for every staff language: the site's page
            target_context = _target_context(specific, target)
        extra = {**target_context, "note": log_entry.note, "assigned_by": log_entry.actor_label}
    staff_contexts = StaffContexts(specific, extra=extra)
    if spec.alert_target_managers:
        recipients = specific.target_managers(specific.assigned_to) if assigned else []
    else:
        recipients = users_with_permission(getattr(specific, "alert_permission", None) or ALERT_PERMISSION)
    notifications += _alert(
        specific=specific, template=spec.staff_alert, recipients=recipients, contexts=staff_contexts
    )
    return notifications
