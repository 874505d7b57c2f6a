"""The same e-mail, form and answers within 10 minutes show the first thank-you page; no second row."""

import datetime
import re

import pytest

from cluster_pages.models import CityApplication

from .support import PDF_BYTES, city_data, upload

pytestmark = pytest.mark.django_db


def status_link(response):
    match = re.search(r'href="(http://testserver/applications/status/[\w-]+/)"', response.content.decode())
    return match.group(1) if match else None


def test_posting_the_same_answers_again_shows_the_first_thank_you_page(client, forms):
    first = client.post("/join/city/", city_data(forms))
    again = client.post("/join/city/", city_data(forms))

    application = CityApplication.objects.get()
    assert application.reference in again.content.decode()
    assert "we did not save it a second time" in again.content.decode()
    assert status_link(again) == status_link(first), "the same browser sees the same link again"


def test_another_browser_sending_the_same_answers_sees_the_reference_but_not_the_link(client, forms, django_user_model):
    from django.test import Client

    client.post("/join/city/", city_data(forms))
    response = Client().post("/join/city/", city_data(forms))

    assert CityApplication.objects.count() == 1
    assert CityApplication.objects.get().reference in response.content.decode()
    assert status_link(response) is None
    assert "in the confirmation e-mail" in response.content.decode()


def test_the_same_file_again_is_a_double_submission_too(client, forms):
    client.post("/join/city/", city_data(forms, project_brief=upload("a.pdf", PDF_BYTES)))
    client.post("/join/city/", city_data(forms, project_brief=upload("a.pdf", PDF_BYTES)))

    assert CityApplication.objects.count() == 1


@pytest.mark.parametrize(
    "change",
    [{"project_title": "Another project"}, {"applicant_email": "someone.else@seoul.example"}],
)
def test_different_answers_make_a_new_application(client, forms, change):
    client.post("/join/city/", city_data(forms))
    client.post("/join/city/", city_data(forms, **change))

    assert CityApplication.objects.count() == 2


def test_the_same_answers_after_ten_minutes_make_a_new_application(client, forms):
    client.post("/join/city/", city_data(forms))
    CityApplication.objects.update(submitted_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=11))
    client.post("/join/city/", city_data(forms))

    assert CityApplication.objects.count() == 2
