"""Coordinators erase an applicant from the inspect page, after a confirmation; nobody else can."""

import pytest
from django.urls import reverse

from cluster_pages.models import CityApplication, ThemeSuggestion

from .conftest import EMAIL

pytestmark = pytest.mark.django_db


def inspect_path(application) -> str:
    return reverse("city_applications:inspect", args=[application.pk])


def erase_path(client, application) -> str:
    html = client.get(inspect_path(application)).content.decode()
    start = html.index("/admin/applications/erase/")
    return html[start : html.index('"', start)].replace("&amp;", "&")


def test_a_coordinator_sees_the_button_and_a_confirmation_listing_every_application_of_the_address(
    client, coordinator, person
):
    client.force_login(coordinator)
    assert "Erase personal data" in client.get(inspect_path(person.application)).content.decode()

    confirmation = client.get(erase_path(client, person.application))

    html = confirmation.content.decode()
    assert confirmation.status_code == 200
    assert "This cannot be undone." in html
    assert person.application.reference in html and person.suggestion.reference in html
    assert CityApplication.objects.get().applicant_email == EMAIL


def test_confirming_erases_the_applicant_and_returns_to_the_inspect_page(client, coordinator, person):
    client.force_login(coordinator)

    response = client.post(erase_path(client, person.application), follow=True)

    assert response.redirect_chain[-1][0].startswith(inspect_path(person.application))
    assert "Personal data erased from 2 application(s)" in response.content.decode()
    assert CityApplication.objects.get().applicant_name == "Erased applicant"
    assert ThemeSuggestion.objects.get().applicant_name == "Erased applicant"
    assert "Erase personal data" not in client.get(inspect_path(person.application)).content.decode()


def test_a_reviewer_has_no_button_and_the_address_is_a_404(client, coordinator, reviewer, person):
    client.force_login(coordinator)
    path = erase_path(client, person.application)
    client.force_login(reviewer)

    assert "Erase personal data" not in client.get(inspect_path(person.application)).content.decode()
    assert client.get(path).status_code == 404
    assert client.post(path).status_code == 404
    assert CityApplication.objects.get().applicant_email == EMAIL
