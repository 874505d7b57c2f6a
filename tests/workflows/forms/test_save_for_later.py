"""“Save and continue later”: only the e-mail is asked, a private link is mailed (only its hash kept), the link
restores every answer and file on the step where they were left, in another browser, and sending follows the
usual path once, with every guard."""

import re

import pytest
from django.core import mail
from django.test import Client

from workflows.models import FormDraft, SubmittedFile
from workflows.tokens import token_hash

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL, PDF_BYTES, upload
from .test_steps import step_data, stepped  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def link_in(message) -> str:
    match = re.search(r"http://testserver(/en/applications/draft/[\w-]{43,}/)", message.body)
    assert match, "the mail holds the private link"
    return match.group(1)


@pytest.fixture
def saved(client, stepped, django_capture_on_commit_callbacks):  # noqa: F811
    """Step 1 filled, step 2 begun with an upload, saved for later: the mailed link."""
    client.post(FORM_URL, step_data(stepped, 1))
    data = {**step_data(stepped, 2), "motivation": "", "wf_action": "save"}
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)
    response = client.post(FORM_URL, data)
    assert response.status_code == 303 and response["Location"].endswith("?save=1")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, {"wf_action": "save-email", "email": "sam@university.example"})
    return link_in(mail.outbox[-1])


def test_saving_asks_only_the_email_already_given(client, stepped):  # noqa: F811
    client.post(FORM_URL, step_data(stepped, 1))
    client.post(FORM_URL, {"wf_step": "1", "wf_action": "save"})

    html = client.get(FORM_URL + "?save=1").content.decode()

    assert 'name="email"' in html and 'value="sam@university.example"' in html
    assert 'name="motivation"' not in html


def test_the_link_is_mailed_and_only_its_hash_is_kept(saved):
    draft = FormDraft.objects.get()
    token = saved.rstrip("/").rsplit("/", 1)[-1]

    assert draft.token_hash == token_hash(token)
    assert token not in str(FormDraft.objects.values().get())
    assert mail.outbox[-1].to == ["sam@university.example"]
    assert "Apply" in mail.outbox[-1].subject


def test_the_link_restores_every_answer_and_file_where_it_was_left_in_another_browser(saved):
    other = Client()

    response = other.get(saved)

    assert response.status_code == 303
    html = other.get(response["Location"]).content.decode()
    assert "Step 2 of 2: Your request" in html
    assert "You uploaded “portfolio.pdf”" in html
    assert 'value="Sam Lee"' in other.get(FORM_URL + "?step=1").content.decode()


def test_saving_again_updates_the_same_draft(client, saved, django_capture_on_commit_callbacks, stepped):  # noqa: F811
    client.post(FORM_URL, {**step_data(stepped, 2), "wf_action": "save"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, {"wf_action": "save-email", "email": "sam@university.example"})

    assert FormDraft.objects.count() == 1
    assert FormDraft.objects.get().data["motivation"] == [stepped.data()["motivation"]]
    assert Client().get(saved).status_code == 404  # the newest mail's link replaces the earlier one
    assert Client().get(link_in(mail.outbox[-1])).status_code == 303


def test_a_draft_is_sent_once_with_the_usual_path(saved, stepped, django_capture_on_commit_callbacks):  # noqa: F811
    other = Client()
    other.get(saved)
    other.post(FORM_URL, step_data(stepped, 2))
    with django_capture_on_commit_callbacks(execute=True):
        response = other.post(FORM_URL, {"wf_step": "2", "wf_action": "send"})

    application = MembershipApplication.objects.get()
    assert application.reference in response.content.decode()
    assert SubmittedFile.objects.get().object_id == application.pk
    assert not FormDraft.objects.exists()
    assert any(application.reference in message.subject for message in mail.outbox)  # the confirmation

    assert Client().get(saved).status_code == 404
    other.post(FORM_URL, {"wf_step": "2", "wf_action": "send"})
    assert MembershipApplication.objects.count() == 1


def test_a_wrong_link_is_a_404_and_counts_against_the_address(client, settings, db):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "2/h"
    wrong = "/en/applications/draft/" + "x" * 43 + "/"

    assert [client.get(wrong).status_code for _ in range(3)] == [404, 404, 429]


def test_saving_is_rate_limited(client, stepped, settings):  # noqa: F811
    settings.WORKFLOW_FORMS_RATE_LIMIT = "2/h"
    client.post(FORM_URL, step_data(stepped, 1))
    answers = [
        client.post(FORM_URL, {"wf_action": "save-email", "email": "sam@university.example"}).status_code
        for _ in range(3)
    ]

    assert answers == [200, 200, 429]


def test_a_robot_filling_the_honeypot_gets_the_same_answer_and_no_mail(client, stepped):  # noqa: F811
    client.post(FORM_URL, step_data(stepped, 1))

    response = client.post(
        FORM_URL, {"wf_action": "save-email", "email": "sam@university.example", "fax_number": "123"}
    )

    assert "Check your e-mail" in response.content.decode()
    assert FormDraft.objects.get().token_hash == ""
    assert mail.outbox == []
