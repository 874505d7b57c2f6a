from workflows.management.dated import DatedCommand
from workflows.services.digests import staff_digests_send


class Command(DatedCommand):
    help = (
        "Mail each staff member who wants it (coordinators unless they turned it off) one digest of what awaits "
        "them today. Run it once a day from cron; running it again the same day, or twice at once, sends nothing "
        "more."
    )

    def send(self, today):
        return f"{staff_digests_send(today=today)} digest(s) sent."
