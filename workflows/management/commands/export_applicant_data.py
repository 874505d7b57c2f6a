import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.translation import gettext as _

from workflows.selectors.personal_data import applicant_data


class Command(BaseCommand):
    help = (
        "Write everything held about an e-mail address (applications of every kind, answers, files listed, "
        "log, internal notes, mails) to one JSON file, for a subject access request."
    )

    def add_arguments(self, parser):
        parser.add_argument("email", help="The applicant's e-mail address (matched case-insensitively).")
        parser.add_argument(
            "--output",
            "-o",
            default="applicant-data.json",
            help="The file to write (default: applicant-data.json); '-' writes to standard output.",
        )

    def handle(self, *, email, output, verbosity, **options):
        data = applicant_data(email=email)
        if not data["submissions"] and not data["mails"] and not data["other"]:
            raise CommandError(_("Nothing is held about this address."))
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        if output == "-":
            self.stdout.write(text)
            return
        Path(output).write_text(text, encoding="utf-8")
        if verbosity:
            self.stderr.write(
                _("Wrote %(count)s application(s) to %(path)s.") % {"count": len(data["submissions"]), "path": output}
            )
