"""“Lost your link?”: the same answer for any address; known addresses get new links, old links stop working."""

import re

import pytest
from django.core import mail

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL

pytestmark = pytest.mark.django_db


def _page_text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", html.replace(response.wsgi_request.POST.get("email", ""), "EMAIL"))


def test_the_answer_is_identical_for_known_and_unknown_addresses(client, apply_form):
    client.post(FORM_URL, apply_form.data())

    known = client.post("/applications/lost-link/", {"email": "sam@university.example"})
    unknown = client.post("/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert known.status_code == unknown.status_code == 200
    assert _page_text(known) == _page_text(unknown)
    assert "Check your e-mail" in known.content.decode()


def test_a_known_address_gets_a_new_working_link_and_the_old_one_stops(
    client, apply_form, django_capture_on_commit_callbacks
):
    first = client.post(FORM_URL, apply_form.data())
    client.post(FORM_URL, apply_form.data(applicant_email="SAM@university.example", motivation="A second request."))
    old_path = re.search(r"http://testserver(/applications/status/[\w-]+/)", first.content.decode()).group(1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/applications/lost-link/", {"email": "sam@university.example"})

    assert [message.to for message in mail.outbox] == [["sam@university.example"], ["SAM@university.example"]]
    body = mail.outbox[0].body
    assert "no longer work" in body
    new_path = re.search(r"https?://[^/\s]+(/applications/status/[\w-]+/)", body).group(1)
    assert new_path != old_path
    assert client.get(new_path).status_code == 200
    assert MembershipApplication.objects.earliest("pk").reference in client.get(new_path).content.decode()
    assert client.get(old_path).status_code == 404


def test_an_unknown_address_gets_no_mail(client, apply_form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert mail.outbox == []


def test_an_invalid_address_is_explained(client, apply_form):
    response = client.post("/applications/lost-link/", {"email": "not-an-address"})

    assert "Enter a valid e-mail address, like name@example.org." in response.content.decode()


def test_the_lost_link_form_is_rate_limited(client, apply_form, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "2/h"
    for _ in range(2):
        client.post("/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert client.post("/applications/lost-link/", {"email": "nobody@nowhere.example"}).status_code == 429
