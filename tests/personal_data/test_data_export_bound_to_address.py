"""The mailed data-export link belongs to the address it was mailed to, and a resubmission cannot change that
address: the attack of issue 19 (ask for a link, then resubmit with someone else's address) gets nothing."""

import json
import re

import pytest
from django.core import mail

from cluster_pages.models import CityApplication
from tests.api.conftest import Api, as_answers
from tests.site_forms.support import city_data

from .conftest import EMAIL

pytestmark = pytest.mark.django_db

VICTIM = "victim@real.example"


@pytest.fixture
def victim(client, forms):
    """Someone else's application, made with their own address."""
    client.post("/en/join/city/", city_data(forms, applicant_name="Real Person", applicant_email=VICTIM))
    return CityApplication.objects.get(applicant_email=VICTIM)


@pytest.fixture
def export_path(client, person, django_capture_on_commit_callbacks):
    """The path of the export link mailed to the person (whose application awaits changes)."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(person.status_path + "my-data/")
    [message] = mail.outbox
    return re.search(r"http://[^/\s]+(/\S+/applications/my-data/\S+/)", message.body).group(1)


def exported_references(response) -> set[str]:
    return {submission["reference"] for submission in json.loads(response.content)["submissions"]}


def test_resubmitting_on_the_edit_page_with_another_address_is_refused_and_the_link_exports_only_the_own_data(
    client, forms, person, victim, export_path
):
    response = client.post(person.status_path + "edit/", city_data(forms, applicant_email=VICTIM))

    assert "The e-mail address cannot be changed when you edit your application" in response.content.decode()
    assert CityApplication.objects.get(pk=person.application.pk).applicant_email == EMAIL
    export = client.get(export_path)
    assert exported_references(export) == {person.application.reference, person.suggestion.reference}
    assert victim.reference not in export.content.decode()


def test_resubmitting_through_the_api_with_another_address_is_refused_in_words(forms, person, victim, export_path):
    token = person.status_path.rstrip("/").rsplit("/", 1)[1]
    answers = as_answers(city_data(forms, applicant_email=VICTIM))

    response = Api().post(f"applications/status/{token}/resubmit/", answers)

    assert response.status_code == 422
    assert "e-mail address cannot be changed" in response.content.decode()
    application = CityApplication.objects.get(pk=person.application.pk)
    assert (application.applicant_email, application.state) == (EMAIL, "changes_requested")


def test_the_same_address_in_another_letter_case_is_no_change(client, forms, person):
    response = client.post(person.status_path + "edit/", city_data(forms, applicant_email=EMAIL.upper()), follow=True)

    assert "your edited application has been sent for review" in response.content.decode()
    application = CityApplication.objects.get(pk=person.application.pk)
    assert (application.applicant_email, application.state) == (EMAIL, "submitted")


def test_the_edit_page_shows_the_address_as_fixed_and_says_whom_to_write_to(client, person, settings):
    settings.WORKFLOW_FORMS_CONTACT_EMAIL = "secretariat@wego.example"

    html = client.get(person.status_path + "edit/").content.decode()

    field = re.search(r'<input[^>]*name="applicant_email"[^>]*>', html).group(0)
    assert "disabled" in field
    assert "cannot be changed here" in html and "secretariat@wego.example" in html


def test_a_link_whose_address_the_application_no_longer_has_exports_nothing_and_says_why(
    client, person, victim, export_path
):
    # However the address came to change (a staff correction, an erasure, a future way in), the link was mailed
    # to the old one and the data behind the new one is not the old address's to download.
    CityApplication.objects.filter(pk=person.application.pk).update(applicant_email=VICTIM)

    response = client.get(export_path)

    assert response.status_code == 410
    html = response.content.decode()
    assert "This download link no longer works" in html
    assert "Real Person" not in html and VICTIM not in html
    assert "no-store" in response["Cache-Control"]


def test_the_application_itself_refuses_a_resubmission_that_moves_it_to_another_address(person):
    application = CityApplication.objects.get(pk=person.application.pk)

    with pytest.raises(ValueError, match="applicant_email"):
        application.apply_resubmission(fields={"applicant_email": VICTIM}, answers={})

    assert application.applicant_email == EMAIL
