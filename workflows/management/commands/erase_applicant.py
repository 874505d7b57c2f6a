from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from workflows.services.personal_data import applicant_erase


class Command(BaseCommand):
    help = (
        "Erase a person: anonymise every application made with the address (name, address, personal fields, "
        "answers, messages, notes, mails), delete their files and member account. Counts and figures stay."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The applicant's e-mail address (matched case-insensitively).")
        parser.add_argument("--yes", action="store_true", help="Do not ask for confirmation (e.g. from a script).")

    def handle(self, *, email, yes, verbosity, **options):
        question = _("Erase everything held about %(email)s? It cannot be undone. [y/N] ") % {"email": email}
        if not yes and input(question).strip().lower() not in ("y", "yes"):
            raise CommandError(_("Nothing erased."))
        erasure = applicant_erase(email=email)
        if not erasure.submissions and not erasure.notifications and not erasure.other:
            raise CommandError(_("Nothing is held about this address."))
        if verbosity:
            self.stdout.write(
                _("Erased %(submissions)s application(s) (%(references)s), %(files)s file(s), %(mails)s mail(s).")
                % {
                    "submissions": len(erasure.submissions),
                    "references": ", ".join(erasure.submissions) or "-",
                    "files": erasure.files,
                    "mails": erasure.notifications,
                }
            )
            for line in erasure.other:
                self.stdout.write(line)
