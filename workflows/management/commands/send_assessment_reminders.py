from workflows.management.dated import DatedCommand
from workflows.services.assessment_reminders import assessment_reminders_send


class Command(DatedCommand):
    help = (
        "Mail the reminders due today to reviewers whose assessment is still awaited: a few days before the due "
        "date and on the day. Run it daily (or hourly) from cron; running it again, or twice at once, sends "
        "nothing more."
    )

    def send(self, today):
        return f"{assessment_reminders_send(today=today)} reminder(s) queued."
