"""The registrant's private link: the plugin's status page shows the registration like any submission."""

from urllib.parse import urlsplit

import pytest

from workflows.models import Notification
from workflows.services.places import registration_cancel

from .conftest import state_of

pytestmark = pytest.mark.django_db


def status_path(token: str) -> str:
    return f"/en/applications/status/{token}/"


def test_the_status_link_shows_the_workshop_the_reference_and_the_place(client, workshop, register):
    result = register(workshop)

    response = client.get(status_path(result.token))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Smart mobility workshop" in html
    assert result.registration.reference in html
    assert "Place confirmed" in html
    assert "no-store" in response.headers["Cache-Control"]


def test_a_waiting_registrant_sees_that_they_wait_in_korean(client, make_workshop, register):
    workshop = make_workshop(places=1)
    register(workshop)
    waiting = register(workshop)

    response = client.get(f"/ko/applications/status/{waiting.token}/")

    assert "대기 중" in response.content.decode()


def test_the_link_mailed_again_on_a_second_registration_opens_the_registration(client, workshop, register):
    first = register(workshop, applicant_email="kim@seoul.example")
    register(workshop, applicant_email="kim@seoul.example")
    resent = Notification.objects.get(template="applicant_status_link")
    new_path = urlsplit(resent.context["status_url"]).path

    response = client.get(new_path)

    assert response.status_code == 200
    assert first.registration.reference in response.content.decode()
    assert state_of(first.registration) == "confirmed"


def test_a_cancelled_registration_shows_that_nothing_more_will_come(client, workshop, register):
    result = register(workshop)
    registration_cancel(registration=result.registration, applicant_token=result.token)

    html = client.get(status_path(result.token)).content.decode()

    assert "This registration was cancelled. We will not write to you about it again." in html
