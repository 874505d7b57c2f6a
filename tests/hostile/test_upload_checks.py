"""Uploads that are more than they claim (zip bombs, PDF+HTML polyglots) are refused; files are served inert."""

import pytest
from django.core.exceptions import ValidationError

from tests.site_forms.support import PDF_BYTES, city_data, docx_bytes, upload
from workflows.abuse import validate_upload
from workflows.models import Application, SubmittedFile

from .corpus import docx_inflating_to, docx_with_entries, pdf_html_polyglot

pytestmark = pytest.mark.django_db


def refusal(name, content) -> ValidationError:
    with pytest.raises(ValidationError) as caught:
        validate_upload(upload(name, content))
    return caught.value


def test_a_docx_that_inflates_to_200_megabytes_is_refused_as_a_zip_bomb():
    assert refusal("brief.docx", docx_inflating_to(200)).code == "file_bomb"


def test_a_docx_with_more_entries_than_allowed_is_refused():
    assert refusal("brief.docx", docx_with_entries(1_001)).code == "file_bomb"


def test_the_zip_limits_are_settings(settings):
    settings.WORKFLOW_FORMS_MAX_UNZIPPED_SIZE = 1024 * 1024
    assert refusal("brief.docx", docx_inflating_to(2)).code == "file_bomb"
    settings.WORKFLOW_FORMS_MAX_UNZIPPED_SIZE = 300 * 1024 * 1024
    settings.WORKFLOW_FORMS_MAX_ZIP_ENTRIES = 2_000
    assert validate_upload(upload("brief.docx", docx_inflating_to(200))).endswith("document")
    assert validate_upload(upload("brief.docx", docx_with_entries(1_001))).endswith("document")


def test_an_ordinary_docx_is_accepted():
    assert validate_upload(upload("brief.docx", docx_bytes())).endswith("wordprocessingml.document")


def test_a_pdf_that_is_also_a_web_page_is_refused():
    error = refusal("brief.pdf", pdf_html_polyglot())
    assert error.code == "file_html"
    assert "web page code" in error.messages[0]


def test_the_form_says_why_and_saves_nothing(client, forms, private_media):
    response = client.post("/en/join/city/", city_data(forms, project_brief=upload("brief.pdf", pdf_html_polyglot())))

    assert "contains web page code (HTML)" in response.content.decode()
    assert not Application.objects.exists()
    assert not SubmittedFile.objects.exists()


def test_an_upload_is_served_as_a_sandboxed_attachment(client, forms, private_media, coordinator, password):
    client.post("/en/join/city/", city_data(forms, project_brief=upload("brief.pdf", PDF_BYTES)))
    client.login(username=coordinator.username, password=password)

    response = client.get(f"/en/applications/files/{SubmittedFile.objects.get().pk}/")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Security-Policy"] == "sandbox"
    assert response["X-Content-Type-Options"] == "nosniff"
