"""Draw the application state machine to workflows/static/workflows/application-states.svg (or check it)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from workflows.diagram import state_machine_svg
from workflows.models import Application

DIAGRAM_PATH = Path(__file__).resolve().parents[2] / "static" / "workflows" / "application-states.svg"
# Not translated: the committed file must be the same bytes whatever the active language.
DIAGRAM_TITLE = "How applications move"


def application_diagram() -> str:
    return state_machine_svg(Application, title=DIAGRAM_TITLE)


class Command(BaseCommand):
    help = "Write the application state diagram from the FSM definition; --check fails if the committed copy differs."

    def add_arguments(self, parser):
        parser.add_argument("--check", action="store_true", help="Exit non-zero if the committed SVG is out of date.")

    def handle(self, *args, check=False, **options):
        fresh = application_diagram()
        if check:
            committed = DIAGRAM_PATH.read_text(encoding="utf-8") if DIAGRAM_PATH.exists() else None
            if committed != fresh:
                raise CommandError(
                    f"{DIAGRAM_PATH} does not match the state machine: run `manage.py workflow_diagram` and commit it."
                )
            self.stdout.write("The state diagram matches the state machine.")
            return
        DIAGRAM_PATH.write_text(fresh, encoding="utf-8")
        self.stdout.write(f"Wrote {DIAGRAM_PATH}")
