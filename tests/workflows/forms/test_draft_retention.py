"""Drafts are kept 30 days after their last change (a setting): the owner of a saved draft is reminded once,
3 days before, with a new link; then the draft goes with its files. They are in the personal-data export and
erased with the rest."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from workflows.models import FormDraft, SubmittedFile
from workflows.selectors.personal_data import applicant_data
from workflows.services.personal_data import applicant_erase

from .conftest import FORM_URL, PDF_BYTES, upload
from .test_steps import step_data, stepped  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


@pytest.fixture
def saved_draft(client, stepped, django_capture_on_commit_callbacks):  # noqa: F811
    client.post(FORM_URL, step_data(stepped, 1))
    data = {**step_data(stepped, 2), "wf_action": "save"}
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)
    client.post(FORM_URL, data)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(FORM_URL, {"wf_action": "save-email", "email": "sam@university.example"})
    mail.outbox.clear()
    return FormDraft.objects.get()


def age(draft, days: int) -> None:
    FormDraft.objects.filter(pk=draft.pk).update(updated_at=timezone.now() - datetime.timedelta(days=days))


def run(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("expire_form_drafts", verbosity=0)


def test_a_draft_due_for_deletion_is_reminded_once_with_a_new_link(saved_draft, django_capture_on_commit_callbacks):
    age(saved_draft, 28)

    run(django_capture_on_commit_callbacks)
    run(django_capture_on_commit_callbacks)

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["sam@university.example"]
    assert "deleted soon" in mail.outbox[0].subject
    link = next(line for line in mail.outbox[0].body.splitlines() if "/applications/draft/" in line)
    assert Client().get(link.replace("http://localhost", "")).status_code == 303
    assert FormDraft.objects.exists()


def test_a_draft_untouched_for_30_days_is_deleted_with_its_files(
    saved_draft, private_media, django_capture_on_commit_callbacks
):
    age(saved_draft, 31)

    run(django_capture_on_commit_callbacks)

    assert not FormDraft.objects.exists()
    assert not SubmittedFile.objects.exists()
    assert list(private_media.rglob("*.pdf")) == []


def test_the_days_are_a_setting(saved_draft, settings, django_capture_on_commit_callbacks):
    settings.WORKFLOW_FORMS_DRAFT_DAYS = 7
    age(saved_draft, 8)

    run(django_capture_on_commit_callbacks)

    assert not FormDraft.objects.exists()


def test_a_fresh_draft_is_left_alone(saved_draft, django_capture_on_commit_callbacks):
    run(django_capture_on_commit_callbacks)

    assert FormDraft.objects.exists() and mail.outbox == []


def test_drafts_are_in_the_personal_data_export(saved_draft):
    exported = applicant_data(email="sam@university.example")["drafts"]

    assert [draft["form"] for draft in exported] == ["Apply"]
    assert exported[0]["answers"]["applicant_name"] == ["Sam Lee"]
    assert exported[0]["files"] == [{"question": "Portfolio", "name": "portfolio.pdf", "size": len(PDF_BYTES)}]


def test_an_unsaved_draft_giving_the_address_is_in_the_export_too(client, stepped):  # noqa: F811
    client.post(FORM_URL, step_data(stepped, 1))

    assert len(applicant_data(email="sam@university.example")["drafts"]) == 1


def test_erasure_deletes_the_drafts_with_their_files(saved_draft, private_media, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erasure = applicant_erase(email="sam@university.example")

    assert erasure.drafts == 1
    assert not FormDraft.objects.exists() and not SubmittedFile.objects.exists()
    assert list(private_media.rglob("*.pdf")) == []
