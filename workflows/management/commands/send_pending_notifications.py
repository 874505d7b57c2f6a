from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from workflows.services.delivery_tasks import pending_notifications_enqueue


class Command(BaseCommand):
    help = (
        "Queue the sending of pending notifications whose next attempt is due and that have no send task "
        "waiting or running (after a worker restart, or from cron)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--now",
            action="store_true",
            help="Also send pending notifications still waiting out their backoff (e.g. the mail server is back).",
        )

    def handle(self, *, now, verbosity, **options):
        counts = pending_notifications_enqueue(include_not_due=now)
        if verbosity:
            self.stdout.write(
                _("Queued %(queued)s pending notification(s); brought %(brought_forward)s waiting one(s) forward.")
                % counts
            )
