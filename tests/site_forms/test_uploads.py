"""Uploads: PDF, DOCX, ODT, PNG or JPEG by content and by name, at most 10 MB, kept in private storage."""

import pytest
from django.conf import settings

from cluster_pages.models import CityApplication
from workflows.abuse import detect_upload_type
from workflows.models import Application, SubmittedFile

from .support import PDF_BYTES, PNG_BYTES, city_data, docx_bytes, odt_bytes, upload

pytestmark = pytest.mark.django_db

JPEG_BYTES = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + b"\x00" * 64
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64
HTML_BYTES = b"<!DOCTYPE html><html><script>alert(1)</script></html>"


@pytest.mark.parametrize(
    ("name", "content", "mime"),
    [
        ("brief.pdf", PDF_BYTES, "application/pdf"),
        ("brief.docx", docx_bytes(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("brief.odt", odt_bytes(), "application/vnd.oasis.opendocument.text"),
        ("map.png", PNG_BYTES, "image/png"),
        ("photo.JPG", JPEG_BYTES, "image/jpeg"),
    ],
)
def test_an_accepted_file_is_kept_privately_with_its_question_and_type(
    client, forms, private_media, name, content, mime
):
    response = client.post("/en/join/city/", city_data(forms, project_brief=upload(name, content)))

    assert response.status_code == 200
    application = CityApplication.objects.get()
    record = SubmittedFile.objects.get()
    assert record.submission == application
    assert (record.field_name, record.field_label) == ("project_brief", "Project brief")
    assert (record.original_name, record.content_type_detected, record.size) == (name, mime, len(content))
    stored = private_media / record.file.name
    assert stored.read_bytes() == content
    assert not stored.resolve().is_relative_to(settings.MEDIA_ROOT), "never under MEDIA_ROOT"
    assert name not in record.file.name, "stored under a random name"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("brief.pdf", EXE_BYTES, "“brief.pdf” is named like a PDF file but its content is not one."),
        ("brief.pdf", HTML_BYTES, "“brief.pdf” is named like a PDF file but its content is not one."),
        ("brief.docx", PDF_BYTES, "“brief.docx” is named like a DOCX file but its content is not one."),
        ("brief.odt", docx_bytes(), "“brief.odt” is named like a ODT file but its content is not one."),
        ("setup.exe", EXE_BYTES, "“setup.exe” is not an accepted file type. Upload a PDF, DOCX, ODT, PNG, JPEG file."),
        ("brief.html", HTML_BYTES, "“brief.html” is not an accepted file type."),
        ("brief", PDF_BYTES, "“brief” is not an accepted file type."),
    ],
)
def test_a_file_of_the_wrong_type_is_refused_and_nothing_is_saved(client, forms, private_media, name, content, message):
    response = client.post("/en/join/city/", city_data(forms, project_brief=upload(name, content)))

    html = response.content.decode()
    assert 'id="id_project_brief_error"' in html
    assert message in html
    assert not Application.objects.exists()
    assert not SubmittedFile.objects.exists()
    assert not private_media.exists() or not any(private_media.rglob("*.*"))


def test_a_file_over_the_size_limit_is_refused(client, forms, settings):
    settings.WORKFLOW_FORMS_MAX_UPLOAD_SIZE = 1024
    response = client.post("/en/join/city/", city_data(forms, project_brief=upload("big.pdf", PDF_BYTES + b"0" * 2000)))

    html = response.content.decode()
    assert "“big.pdf” is 2.0\xa0KB; files may be at most 1.0\xa0KB." in html
    assert not Application.objects.exists()


def test_the_default_size_limit_is_ten_megabytes(client, forms):
    big = upload("big.pdf", PDF_BYTES + b"0" * (10 * 1024 * 1024))
    response = client.post("/en/join/city/", city_data(forms, project_brief=big))

    assert "files may be at most 10.0\xa0MB" in response.content.decode()
    assert not Application.objects.exists()


def test_the_file_input_lists_the_accepted_types(client, forms):
    html = client.get("/en/join/city/").content.decode()

    assert 'accept=".pdf,.docx,.odt,.png,.jpg,.jpeg"' in html
    assert "PDF, DOCX, ODT, PNG, JPEG, at most 10.0\xa0MB." in html


def test_a_zip_that_is_not_an_office_document_is_not_recognised():
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("evil.exe", EXE_BYTES)
    buffer.seek(0)
    assert detect_upload_type(buffer) is None
