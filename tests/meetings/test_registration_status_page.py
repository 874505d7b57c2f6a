"""The registrant's status link speaks of a registration (not an application) and lets them cancel; the place
goes to the first person waiting, who is mailed; nobody is mailed about a registration after they cancelled."""

import re

import pytest
from django.core import mail

from cluster_pages.models import EventRegistration

pytestmark = pytest.mark.django_db


def status_link(message) -> str:
    return re.search(r"https?://\S+/applications/status/\S+?/", message.body).group(0)


def test_the_status_page_says_registration_and_cancelling_promotes_the_first_waiting(
    client, register, summit, django_capture_on_commit_callbacks
):
    for number in range(3):
        register(summit.small, applicant_email=f"p{number}@city.example")
    register(summit.small, applicant_email="waiting@city.example")
    first = next(message for message in mail.outbox if message.to == ["p0@city.example"])
    link = status_link(first).split("://", 1)[1].split("/", 1)[1]
    mail.outbox.clear()

    page = client.get(f"/{link}").content.decode()
    assert "Registration " in page and "Application " not in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/{link}cancel/", {"confirm": "on"})

    assert response.status_code == 302
    assert EventRegistration.objects.get(applicant_email="p0@city.example").state == "cancelled"
    assert EventRegistration.objects.get(applicant_email="waiting@city.example").state == "confirmed"
    recipients = sorted(message.to[0] for message in mail.outbox)
    assert recipients == ["p0@city.example", "waiting@city.example"]
    promoted = next(message for message in mail.outbox if message.to == ["waiting@city.example"])
    assert [name for name, _content, _type in promoted.attachments] == ["session.ics"]
