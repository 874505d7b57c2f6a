"""A resubmission's new file for a question replaces the earlier one: the applicant and the API's status see
the new file; staff still see (and may download) the earlier one, marked replaced."""

import re

import pytest
from django.urls import reverse

from cluster_pages.models import CityApplication
from tests.api.conftest import Api, token_for
from workflows.models import SubmittedFile
from workflows.services import perform_transition

from .support import PDF_BYTES, city_data, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied_with_brief(client, forms, private_media, reviewer):
    """(application, status path) of a city application sent with a brief; the reviewer asked for changes."""
    response = client.post("/en/join/city/", city_data(forms, project_brief=upload("brief-v1.pdf", PDF_BYTES)))
    path = re.search(r'href="http://testserver(/en/applications/status/[\w-]+/)"', response.content.decode()).group(1)
    application = CityApplication.objects.get()
    perform_transition(application=application, name="request_changes", user=reviewer, message="New brief?")
    return application, path


def names(queryset):
    return [record.original_name for record in queryset]


def test_a_new_file_for_the_question_replaces_the_earlier_one_which_staff_still_see(
    client, forms, applied_with_brief, coordinator
):
    application, path = applied_with_brief

    client.post(path + "edit/", city_data(forms, project_brief=upload("brief-v2.pdf", PDF_BYTES + b"%v2")))

    files = SubmittedFile.objects.order_by("pk")
    assert names(files) == ["brief-v1.pdf", "brief-v2.pdf"]
    assert files[0].replaced_at is not None and files[1].replaced_at is None
    assert names(application.files.current()) == ["brief-v2.pdf"]
    status = client.get(path).content.decode()
    assert "brief-v2.pdf" in status and "brief-v1.pdf" not in status

    client.force_login(coordinator)
    inspect = client.get(reverse("city_applications:inspect", args=(application.pk,)))
    assert inspect.status_code == 200
    html = inspect.content.decode()
    assert "brief-v1.pdf" in html and "brief-v2.pdf" in html
    assert "replaced by a newer file on" in html


def test_a_resubmission_without_a_new_file_keeps_the_earlier_one_current(client, forms, applied_with_brief):
    application, path = applied_with_brief

    client.post(path + "edit/", city_data(forms, project_description="Now with a budget."))

    assert CityApplication.objects.get().state == "submitted"
    assert names(application.files.current()) == ["brief-v1.pdf"]
    assert SubmittedFile.objects.get().replaced_at is None


def test_the_api_shows_the_applicant_the_current_file_and_staff_both(client, forms, applied_with_brief, coordinator):
    application, path = applied_with_brief
    client.post(path + "edit/", city_data(forms, project_brief=upload("brief-v2.pdf", PDF_BYTES + b"%v2")))
    token = path.rstrip("/").rsplit("/", 1)[1]

    status = Api().get(f"applications/status/{token}/").json()
    staff = Api(token_for(coordinator)).get(f"applications/{application.pk}/").json()

    assert [item["name"] for item in status["files"]] == ["brief-v2.pdf"]
    assert [(item["name"], item["replaced_at"] is not None) for item in staff["files"]] == [
        ("brief-v1.pdf", True),
        ("brief-v2.pdf", False),
    ]
