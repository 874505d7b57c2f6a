import datetime

from django.core.management.base import BaseCommand, CommandError

from workflows.services.digests import staff_digests_send


class Command(BaseCommand):
    help = (
        "Mail each staff member who wants it (coordinators unless they turned it off) one digest of what awaits "
        "them today. Run it once a day from cron; running it again the same day, or twice at once, sends nothing "
        "more."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date",
            help="Act as if today were this date (YYYY-MM-DD, the site's time zone); default: today.",
        )

    def handle(self, *, date, verbosity, **options):
        today = None
        if date:
            try:
                today = datetime.date.fromisoformat(date)
            except ValueError as error:
                raise CommandError(f"--date: {date!r} is not a date like 2026-12-24.") from error
        sent = staff_digests_send(today=today)
        if verbosity:
            self.stdout.write(f"{sent} digest(s) sent.")
