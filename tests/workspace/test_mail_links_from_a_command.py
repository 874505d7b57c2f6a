"""Mails sent by a management command from cron (reminders, digests) link to the workspace like the others, although
such a process never loaded the URLconf that registers the workspace's admin viewsets."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

SCRIPT = """
import django
django.setup()
from workflows.workspaces import workspace_models
print(sorted(model._meta.label for model in workspace_models()))
"""


def test_a_process_that_never_served_a_request_knows_the_workspace_kinds():
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "cms.settings.test"}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", SCRIPT], cwd=REPO, env=environment, capture_output=True, text=True, check=True
    )
    assert "cluster_pages.CityApplication" in result.stdout
    assert "cluster_pages.CompanyRegistration" in result.stdout
