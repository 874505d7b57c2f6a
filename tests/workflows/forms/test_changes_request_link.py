"""A changes request mails the applicant a new private status link (a pending token, as "lost your link?"
issues): it opens the status page with "Edit and resubmit", the earlier link works until the new one is opened,
the raw token is forgotten once the mail is sent, and the newest mail's link wins over an unopened one."""

import re

import pytest
from django.core import mail
from django.utils import translation

from workflows.models import Notification
from workflows.services import perform_transition

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL, status_path_in

pytestmark = pytest.mark.django_db
REQUEST = "Please tell us which datasets you publish."


def _status_path(text: str) -> str:
    return re.search(r"https?://[^/\s]+(/\w+/applications/status/[\w-]{43,}/)", text).group(1)


def _html(message) -> str:
    ((html, _mimetype),) = message.alternatives
    return html


@pytest.fixture
def applied(client, apply_form):
    """(application, status path from the thank-you page) of an application just sent through the form."""
    response = client.post(FORM_URL, apply_form.data())
    return MembershipApplication.objects.get(), status_path_in(response.content.decode())


@pytest.fixture
def request_changes(reviewer, django_capture_on_commit_callbacks):
    def run(application):
        mail.outbox.clear()
        with django_capture_on_commit_callbacks(execute=True):
            perform_transition(application=application, name="request_changes", user=reviewer, message=REQUEST)
        (message,) = [m for m in mail.outbox if m.to == [application.applicant_email]]
        return message

    return run


def test_the_changes_mail_links_to_the_status_page_which_offers_edit_and_resubmit(client, applied, request_changes):
    application, _old_path = applied

    message = request_changes(application)

    new_path = _status_path(message.body)
    assert re.search(r'href="https?://[^/"]+' + re.escape(new_path) + '"', _html(message))
    assert REQUEST in message.body
    page = client.get(new_path)
    assert page.status_code == 200
    html = page.content.decode()
    assert "Edit and resubmit your application" in html
    assert f'href="{new_path}edit/"' in html
    assert client.get(new_path + "edit/").status_code == 200


def test_the_applicant_edits_and_resubmits_through_the_mails_link(client, applied, request_changes, apply_form):
    application, _old_path = applied
    new_path = _status_path(request_changes(application).body)

    client.post(new_path + "edit/", apply_form.data(motivation="We publish transport and air-quality data."))

    application.refresh_from_db()
    assert application.state == "submitted"
    assert application.motivation == "We publish transport and air-quality data."


def test_the_earlier_link_works_until_the_mails_link_is_opened(client, applied, request_changes):
    application, old_path = applied
    new_path = _status_path(request_changes(application).body)

    assert new_path != old_path
    assert client.get(old_path).status_code == 200
    assert client.get(new_path).status_code == 200
    assert client.get(new_path).status_code == 200
    assert client.get(old_path).status_code == 404


def test_the_new_token_is_kept_only_as_a_hash_and_forgotten_by_the_outbox_once_sent(applied, request_changes):
    application, _old_path = applied
    new_path = _status_path(request_changes(application).body)
    token = new_path.rstrip("/").rsplit("/", 1)[1]

    application.refresh_from_db()
    assert application.pending_token_hash and token not in application.pending_token_hash
    assert not any(token in str(n.context) for n in Notification.objects.all())


def test_the_mail_and_its_link_are_in_the_applicants_language(client, applied, request_changes):
    application, _old_path = applied
    MembershipApplication.objects.filter(pk=application.pk).update(language="ko")
    application.refresh_from_db()

    message = request_changes(application)

    with translation.override("ko"):
        edit_hint = translation.gettext(
            "Open your status page with this new private link, choose “Edit and resubmit”, change your answers "
            "and send them again:"
        )
    assert edit_hint in message.body and "Edit and resubmit" not in edit_hint
    assert "/ko/applications/status/" in _status_path(message.body)
    assert client.get(_status_path(message.body)).status_code == 200


def test_asking_for_a_lost_link_afterwards_replaces_the_unopened_mail_link_but_never_the_current_one(
    client, applied, request_changes, django_capture_on_commit_callbacks
):
    """One pending link at a time, the newest mail's: the changes mail's link, not opened yet, stops working
    when "lost your link?" sends a newer one; the link in use keeps working until a newer one is opened."""
    application, old_path = applied
    changes_path = _status_path(request_changes(application).body)
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/applications/lost-link/", {"email": application.applicant_email})

    lost_link_path = _status_path(mail.outbox[-1].body)
    assert client.get(changes_path).status_code == 404
    assert client.get(old_path).status_code == 200
    assert client.get(lost_link_path).status_code == 200
    assert client.get(old_path).status_code == 404


def test_a_mail_link_already_opened_survives_a_later_lost_link_request(
    client, applied, request_changes, django_capture_on_commit_callbacks
):
    application, _old_path = applied
    changes_path = _status_path(request_changes(application).body)
    assert client.get(changes_path).status_code == 200  # opened: now the current link

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/applications/lost-link/", {"email": application.applicant_email})

    assert client.get(changes_path).status_code == 200
    assert "Edit and resubmit your application" in client.get(changes_path).content.decode()


def test_a_changes_request_replaces_an_unopened_lost_link(
    client, applied, request_changes, django_capture_on_commit_callbacks
):
    application, old_path = applied
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/applications/lost-link/", {"email": application.applicant_email})
    lost_link_path = _status_path(mail.outbox[-1].body)

    changes_path = _status_path(request_changes(application).body)

    assert client.get(lost_link_path).status_code == 404
    assert client.get(old_path).status_code == 200
    assert client.get(changes_path).status_code == 200
