"""“Lost your link?”: the same answer and queries for any address; old links work until the new one is used."""

import re

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL

pytestmark = pytest.mark.django_db


def _page_text(response) -> str:
    html = response.content.decode()
    return re.sub(r"\s+", " ", html.replace(response.wsgi_request.POST.get("email", ""), "EMAIL"))


def test_the_answer_is_identical_for_known_and_unknown_addresses(client, apply_form):
    client.post(FORM_URL, apply_form.data())

    known = client.post("/en/applications/lost-link/", {"email": "sam@university.example"})
    unknown = client.post("/en/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert known.status_code == unknown.status_code == 200
    assert _page_text(known) == _page_text(unknown)
    assert "Check your e-mail" in known.content.decode()


def _status_path(text: str) -> str:
    return re.search(r"https?://[^/\s]+(/en/applications/status/[\w-]+/)", text).group(1)


def test_the_view_answers_with_the_same_queries_for_known_and_unknown_addresses(client, apply_form, settings):
    client.post(FORM_URL, apply_form.data())
    # The work is queued, not done: with a queue that only records, the view's own queries are what is left.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    client.post("/en/applications/lost-link/", {"email": "warm@up.example"})  # session, rate-limit table

    with CaptureQueriesContext(connection) as known_queries:
        known = client.post("/en/applications/lost-link/", {"email": "sam@university.example"})
    with CaptureQueriesContext(connection) as unknown_queries:
        unknown = client.post("/en/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert _page_text(known) == _page_text(unknown)
    assert [_shape(q["sql"]) for q in known_queries] == [_shape(q["sql"]) for q in unknown_queries]
    assert not any("applicant_email" in q["sql"] for q in known_queries)


def _shape(sql: str) -> str:
    """The query without its values and savepoint names."""
    return re.sub(r"'[^']*'|\"s\d+_x\d+\"|\b\d+\b", "?", sql)


def test_a_known_address_gets_a_new_link_and_the_old_one_keeps_working_until_it_is_opened(
    client, apply_form, django_capture_on_commit_callbacks
):
    first = client.post(FORM_URL, apply_form.data())
    client.post(FORM_URL, apply_form.data(applicant_email="SAM@university.example", motivation="A second request."))
    old_path = re.search(r"http://testserver(/en/applications/status/[\w-]+/)", first.content.decode()).group(1)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/applications/lost-link/", {"email": "sam@university.example"})

    assert [message.to for message in mail.outbox] == [["sam@university.example"], ["SAM@university.example"]]
    body = mail.outbox[0].body
    assert "earlier link keeps working until you open this one" in body
    new_path = _status_path(body)
    assert new_path != old_path
    assert client.get(old_path).status_code == 200
    opened = client.get(new_path)
    assert opened.status_code == 200
    assert MembershipApplication.objects.earliest("pk").reference in opened.content.decode()
    assert client.get(new_path).status_code == 200
    assert client.get(old_path).status_code == 404


def test_asking_for_someone_elses_links_does_not_take_theirs_away(
    client, apply_form, django_capture_on_commit_callbacks
):
    first = client.post(FORM_URL, apply_form.data())
    old_path = re.search(r"http://testserver(/en/applications/status/[\w-]+/)", first.content.decode()).group(1)

    for _ in range(3):
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/en/applications/lost-link/", {"email": "sam@university.example"})

    assert client.get(old_path).status_code == 200
    assert client.get(_status_path(mail.outbox[-1].body)).status_code == 200


def test_an_unknown_address_gets_no_mail(client, apply_form, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert mail.outbox == []


def test_an_invalid_address_is_explained(client, apply_form):
    response = client.post("/en/applications/lost-link/", {"email": "not-an-address"})

    assert "Enter a valid e-mail address, like name@example.org." in response.content.decode()


def test_the_lost_link_form_is_rate_limited(client, apply_form, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "2/h"
    for _ in range(2):
        client.post("/en/applications/lost-link/", {"email": "nobody@nowhere.example"})

    assert client.post("/en/applications/lost-link/", {"email": "nobody@nowhere.example"}).status_code == 429
