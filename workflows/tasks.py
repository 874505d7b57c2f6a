"""Background work of the plugin, run by django-tasks (``manage.py run_worker`` with the database backend)."""

from django.utils import translation
from django_tasks import task

from .services.delivery import notification_deliver
from .services.delivery_tasks import deliveries_recover
from .services.notifications import status_links_resend


@task()
def send_notification(notification_id: int) -> str:
    """Render and send one outbox notification; retries itself later while the mail server fails."""
    return notification_deliver(notification_id=notification_id)


@task()
def recover_deliveries() -> dict:
    """Requeue mail whose worker died (expired lease, task stuck running); reschedules itself."""
    return deliveries_recover()


@task()
def send_notifications(notification_ids: list[int]) -> list[str]:
    """Send the outbox notifications one event wrote together (e.g. a new submission's), one after another."""
    return [notification_deliver(notification_id=notification_id) for notification_id in notification_ids]


@task()
def resend_status_links(email: str, language: str) -> None:
    """The "lost your link?" work, off the request so its answer takes as long for any address.

    Returns nothing: the task's stored result must not tell whether the address is known.
    """
    with translation.override(language):
        status_links_resend(email=email)
