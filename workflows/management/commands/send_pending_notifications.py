from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from workflows.services.delivery import notifications_due
from workflows.services.notifications import enqueue_delivery


class Command(BaseCommand):
    help = (
        "Queue the sending of pending notifications whose next attempt is due (after a worker restart, or from "
        "cron). Sending is exactly-once, so queueing one twice does no harm."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Also queue pending notifications still waiting out their backoff (e.g. the mail server is back).",
        )

    def handle(self, *, now, verbosity, **options):
        ids = list(notifications_due(include_not_due=now).order_by("pk").values_list("pk", flat=True))
        for notification_id in ids:
            enqueue_delivery(notification_id)
        if verbosity:
            self.stdout.write(_("Queued %(count)s pending notification(s).") % {"count": len(ids)})
