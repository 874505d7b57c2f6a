"""The test site's form (/apply/) and valid answers to it."""

import re
from dataclasses import dataclass

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from workflows.models import SubmittedFile

from ..testapp.models import ApplyFormPage, TeamPage

FORM_URL = "/en/apply/"
PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@dataclass
class ApplyForm:
    page: ApplyFormPage
    team: TeamPage
    closed_team: TeamPage

    def data(self, **overrides) -> dict:
        data = {
            "applicant_name": "Sam Lee",
            "applicant_email": "sam@university.example",
            "organisation": "City University",
            "teams": [str(self.team.pk)],
            "motivation": "We run an open-data lab and would like to share it.",
        }
        data.update(overrides)
        return data


@pytest.fixture
def apply_form(site_root) -> ApplyForm:
    page = site_root.add_child(
        instance=ApplyFormPage(title="Apply", slug="apply", intro="<p>Join us.</p>", thank_you_text="<p>Thanks!</p>")
    )
    page.save_revision().publish()
    team = site_root.add_child(instance=TeamPage(title="Open Data"))
    closed_team = site_root.add_child(instance=TeamPage(title="Archive", live=False))
    return ApplyForm(page=page, team=team, closed_team=closed_team)


def status_path_in(html: str) -> str:
    match = re.search(r'href="http://testserver(/en/applications/status/[\w-]{43,}/)"', html)
    assert match, "the thank-you page shows the private status link"
    return match.group(1)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path, monkeypatch):
    """Uploads go to a fresh private folder, outside MEDIA_ROOT (the field's storage is fixed at import)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    private_root = tmp_path / "private"
    monkeypatch.setattr(
        SubmittedFile._meta.get_field("file"), "storage", FileSystemStorage(location=private_root, base_url=None)
    )
    return private_root
