from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from workflows.services.retention import expired_submissions, expired_submissions_anonymise, retention_months


class Command(BaseCommand):
    help = (
        "Anonymise applications rejected or withdrawn (a kind's retention_states) more than "
        "WORKFLOW_FORMS_RETENTION_MONTHS months ago (default 24). Safe to run daily from cron."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="List what would be anonymised; change nothing.")

    def handle(self, *, dry_run, verbosity, **options):
        if dry_run:
            references = [s.reference or str(s.pk) for s in expired_submissions()]
        else:
            references = expired_submissions_anonymise()
        if verbosity:
            message = _("%(count)s application(s) older than %(months)s months %(verb)s: %(references)s") % {
                "count": len(references),
                "months": retention_months(),
                "verb": _("would be anonymised") if dry_run else _("anonymised"),
                "references": ", ".join(references) or "-",
            }
            self.stdout.write(message)
