import datetime

from django.core.management.base import BaseCommand, CommandError

from workflows.services.assessment_reminders import assessment_reminders_send


class Command(BaseCommand):
    help = (
        "Mail the reminders due today to reviewers whose assessment is still awaited: a few days before the due "
        "date and on the day. Run it daily (or hourly) from cron; running it again, or twice at once, sends "
        "nothing more."
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
        sent = assessment_reminders_send(today=today)
        if verbosity:
            self.stdout.write(f"{sent} reminder(s) queued.")
