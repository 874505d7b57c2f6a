import datetime

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from workflows.services.places import registration_reminders_send, reminder_lead_time


class Command(BaseCommand):
    help = (
        "Mail a reminder to everyone with a confirmed place in a slot that starts within the lead time "
        "(WORKFLOW_FORMS_REMINDER_HOURS, default 48), once each, for every registration kind. Safe to run from "
        "cron every hour and from two machines at once."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--hours",
            type=int,
            default=None,
            help="Remind about slots starting within this many hours (default: WORKFLOW_FORMS_REMINDER_HOURS).",
        )

    def handle(self, *, hours, verbosity, **options):
        if hours is not None and hours < 1:
            raise CommandError(_("--hours must be 1 or more."))
        before = datetime.timedelta(hours=hours) if hours is not None else reminder_lead_time()
        sent = registration_reminders_send(before=before)
        if verbosity:
            self.stdout.write(_("%(count)s reminder(s) queued.") % {"count": sent})
