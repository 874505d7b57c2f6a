"""The site's three forms (city, company, theme) through the plugin: the join page, clusters, valid answers, files."""

import io
import zipfile
from dataclasses import dataclass

import pytest
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile

from cluster_pages.models import (
    CityApplicationFormPage,
    ClusterStatus,
    CompanyRegistrationFormPage,
    StandardPage,
    ThemeSuggestionFormPage,
)
from tests.factories import StandardPageFactory, ThematicClusterPageFactory
from workflows.models import SubmittedFile

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64


def docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types><Override PartName="/word/document.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
        )
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def odt_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/vnd.oasis.opendocument.text", compress_type=zipfile.ZIP_STORED)
        archive.writestr("content.xml", "<office:document-content/>")
    return buffer.getvalue()


def upload(name: str, content: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


@dataclass
class Forms:
    join: StandardPage
    city: CityApplicationFormPage
    company: CompanyRegistrationFormPage
    theme: ThemeSuggestionFormPage
    active_cluster: object
    forming_cluster: object
    archived_cluster: object


def add_form_page(parent, page_class, slug, title):
    page = page_class(title=title, slug=slug, intro="<p>Tell us about it.</p>", thank_you_text="<p>Thanks!</p>")
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def build_forms(site_tree) -> Forms:
    join = StandardPageFactory(parent=site_tree.home, title="How to join", slug="join")
    return Forms(
        join=join,
        city=add_form_page(join, CityApplicationFormPage, "city", "Apply as a city"),
        company=add_form_page(join, CompanyRegistrationFormPage, "partner", "Register as a partner"),
        theme=add_form_page(join, ThemeSuggestionFormPage, "suggest-a-theme", "Suggest a theme"),
        active_cluster=ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility"),
        forming_cluster=ThematicClusterPageFactory(
            parent=site_tree.clusters, title="Smart Utility", status=ClusterStatus.FORMING
        ),
        archived_cluster=ThematicClusterPageFactory(
            parent=site_tree.clusters, title="Old Theme", status=ClusterStatus.ARCHIVED
        ),
    )


def city_data(forms: Forms, **overrides) -> dict:
    data = {
        "city": "Seoul",
        "country": "KR",
        "applicant_name": "Kim Min-ji",
        "role": "Director of Smart City Policy",
        "applicant_email": "minji@seoul.example",
        "phone": "",
        "organisation": "Smart City Bureau",
        "clusters": [str(forms.active_cluster.pk)],
        "project_title": "Mobility data platform",
        "project_description": "A shared platform for the city's mobility data.",
        "project_status": "development",
        "partners_sought": "Cities with open mobility data.",
        "consent_public_listing": "on",
        "consent_privacy": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def company_data(forms: Forms, **overrides) -> dict:
    data = {
        "organisation_type": "company",
        "company_name": "Urban Sensors Ltd",
        "country": "DE",
        "website": "https://sensors.example",
        "applicant_name": "Anna Schmidt",
        "role": "Head of Partnerships",
        "applicant_email": "anna@sensors.example",
        "solution_name": "AirGrid",
        "solution_description": "Low-cost air-quality sensors with an open API.",
        "themes": [str(forms.forming_cluster.pk)],
        "reference_projects": "Hamburg, Lisbon",
        "consent_privacy": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def theme_data(**overrides) -> dict:
    data = {
        "applicant_name": "Sam Lee",
        "applicant_email": "sam@university.example",
        "organisation": "City University",
        "proposed_theme": "Urban Heat Resilience",
        "why_it_matters": "Heatwaves hit every member city and nobody shares what works.",
        "interested_cities": "Seoul\nAthens",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def forms(site_tree) -> Forms:
    return build_forms(site_tree)


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path, monkeypatch):
    """Uploads go to a fresh private folder, outside MEDIA_ROOT (the field's storage is fixed at import)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    private_root = tmp_path / "private"
    monkeypatch.setattr(
        SubmittedFile._meta.get_field("file"), "storage", FileSystemStorage(location=private_root, base_url=None)
    )
    return private_root
