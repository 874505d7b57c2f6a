"""Uploaded files are served only through a permission-checked view, never from MEDIA_ROOT."""

import pytest
from django.conf import settings

from workflows.models import SubmittedFile

from ..testapp.models import ApplyFormField
from .conftest import FORM_URL, PDF_BYTES, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def submitted_file(client, apply_form):
    ApplyFormField.objects.create(page=apply_form.page, label="Brief", field_type="file", required=False)
    client.post(FORM_URL, apply_form.data(brief=upload("brief.pdf", PDF_BYTES)))
    return SubmittedFile.objects.get()


def url(record):
    return f"/en/applications/files/{record.pk}/"


@pytest.mark.parametrize("username", ["reviewer", "coordinator"])
def test_staff_who_review_applications_can_download_the_file(client, submitted_file, request, username, password):
    user = request.getfixturevalue(username)
    client.login(username=user.username, password=password)

    response = client.get(url(submitted_file))

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="brief.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"


def test_anonymous_visitors_are_sent_to_the_login_page(client, submitted_file):
    response = client.get(url(submitted_file))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.parametrize("username", ["editor", "cluster_leader"])
def test_other_staff_are_refused(client, submitted_file, request, username, password):
    user = request.getfixturevalue(username)
    client.login(username=user.username, password=password)

    assert client.get(url(submitted_file)).status_code == 403


def test_an_unknown_file_is_a_404_for_staff(client, submitted_file, reviewer, password):
    client.login(username=reviewer.username, password=password)

    assert client.get(f"/en/applications/files/{submitted_file.pk + 1000}/").status_code == 404


def test_the_file_is_not_stored_under_media_root(submitted_file, private_media):
    path = (private_media / submitted_file.file.name).resolve()

    assert path.exists()
    assert not path.is_relative_to(settings.MEDIA_ROOT)
    assert not str(path).startswith(str(settings.MEDIA_ROOT))
