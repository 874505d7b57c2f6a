from django.core.management.base import BaseCommand

from workflows.services.drafts import draft_days, draft_reminder_days, drafts_expire


class Command(BaseCommand):
    help = (
        "Delete the form drafts untouched for WORKFLOW_FORMS_DRAFT_DAYS (30) days with their files, and mail the "
        "owner of each saved draft once, WORKFLOW_FORMS_DRAFT_REMINDER_DAYS (3) days before. Run it daily from "
        "cron; running it again sends and deletes nothing more."
    )

    def handle(self, *, verbosity, **options):
        done = drafts_expire()
        if verbosity:
            self.stdout.write(
                f"{done['reminded']} reminder(s) sent, {done['deleted']} draft(s) deleted "
                f"(kept {draft_days()} days, reminded {draft_reminder_days()} days before)."
            )
