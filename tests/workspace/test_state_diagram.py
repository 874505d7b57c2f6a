"""The state diagram is generated from the FSM: the committed SVG must equal a fresh drawing."""

import pytest
from django.core.management import CommandError, call_command

from workflows.diagram import state_machine_svg
from workflows.management.commands import workflow_diagram
from workflows.models import Application


def test_committed_diagram_equals_a_fresh_drawing_of_the_machine():
    committed = workflow_diagram.DIAGRAM_PATH.read_text(encoding="utf-8")
    assert committed == state_machine_svg(Application, title=workflow_diagram.DIAGRAM_TITLE)


def test_check_fails_when_the_committed_file_differs(tmp_path, monkeypatch):
    stale = tmp_path / "application-states.svg"
    stale.write_text("<svg/>", encoding="utf-8")
    monkeypatch.setattr(workflow_diagram, "DIAGRAM_PATH", stale)
    with pytest.raises(CommandError):
        call_command("workflow_diagram", "--check")
    call_command("workflow_diagram")
    call_command("workflow_diagram", "--check")


@pytest.mark.parametrize("role, status", [("reviewer", 200), ("leader", 200), ("editor", 302)])
def test_help_page_shows_the_machine(client, users, role, status):
    client.force_login(users[role])
    response = client.get("/admin/applications/how-applications-move/")
    assert response.status_code == status
    if status == 200:
        html = response.content.decode()
        assert 'data-transition="activate"' in html and "<svg" in html
