"""A management command run once a day from cron that can act as if today were another date (``--date``)."""

import datetime

from django.core.management.base import BaseCommand, CommandError


class DatedCommand(BaseCommand):
    """Subclasses write ``send(today)``: it does the day's work (``today`` is None for the real today) and answers
    what to print, e.g. "3 reminder(s) queued."."""

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
        done = self.send(today)
        if verbosity:
            self.stdout.write(done)

    def send(self, today: datetime.date | None) -> str:
        raise NotImplementedError
