"""The applicant asks for their data on the status page: a link is mailed to the address on file, never shown."""

import re
import time
from types import SimpleNamespace

import pytest
from django.core import mail, signing

from workflows.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def ask(client, person, django_capture_on_commit_callbacks):
    """Confirm the request on the status page, sending the mail as the worker would after the commit."""

    def ask():
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(person.status_path + "my-data/", follow=True)

    return ask


def export_link(message) -> str:
    return re.search(r"http://\S+/applications/my-data/\S+/", message.body).group(0)


def test_the_status_page_offers_a_copy_of_the_data_behind_a_confirmation(client, person):
    assert "Get a copy of your data" in client.get(person.status_path).content.decode()

    confirmation = client.get(person.status_path + "my-data/")

    assert confirmation.status_code == 200
    assert "E-mail me the link" in confirmation.content.decode()
    assert not Notification.objects.filter(template="applicant_data_export").exists()


def test_confirming_mails_a_download_link_to_the_address_on_file_and_shows_no_data(client, person, ask):
    response = ask()

    html = response.content.decode()
    assert "We are e-mailing you a link to download your data." in html
    assert "Urban Heat Resilience" not in html, "the other application's data is never on the page"
    [message] = mail.outbox
    assert message.to == [person.application.applicant_email]
    assert "/en/applications/my-data/" in message.body


def test_the_mailed_link_downloads_everything_held_about_the_address_as_a_json_attachment(client, person, ask):
    ask()

    response = client.get(re.sub(r"^http://[^/]+", "", export_link(mail.outbox[0])))

    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    data = response.json()
    assert {submission["reference"] for submission in data["submissions"]} == {
        person.application.reference,
        person.suggestion.reference,
    }


def test_the_link_is_not_kept_in_the_outbox_once_sent(client, person, ask):
    ask()

    notification = Notification.objects.get(template="applicant_data_export")
    assert notification.state == "sent"
    assert "export_url" not in notification.context


def test_the_link_stops_working_after_its_time(client, person, ask, settings, monkeypatch):
    settings.WORKFLOW_FORMS_DATA_EXPORT_LINK_HOURS = 48
    ask()
    path = re.sub(r"^http://[^/]+", "", export_link(mail.outbox[0]))
    assert client.get(path).status_code == 200

    later = time.time() + 49 * 3600
    monkeypatch.setattr(signing, "time", SimpleNamespace(time=lambda: later))

    assert client.get(path).status_code == 404


def test_an_altered_link_is_a_404(client, person, ask):
    ask()
    path = re.sub(r"^http://[^/]+", "", export_link(mail.outbox[0]))

    assert client.get(path[:-3] + "xx/").status_code == 404


def test_asking_again_at_once_sends_no_second_mail(client, person, ask):
    ask()
    response = ask()

    assert "We sent you a link a few minutes ago" in response.content.decode()
    assert Notification.objects.filter(template="applicant_data_export").count() == 1
