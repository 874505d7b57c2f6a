"""A draft is no way around the guards: the honeypot, the rate limit, the duplicate guard and the form's own
validation all apply when it is sent."""

import pytest
from django.test import Client

from workflows.models import FormDraft

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL, PDF_BYTES, upload
from .test_steps import step_data, stepped  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def fill(client, apply_form, **overrides):
    client.post(FORM_URL, {**step_data(apply_form, 1), **overrides})
    data = step_data(apply_form, 2)
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)
    client.post(FORM_URL, data)


def send(client):
    return client.post(FORM_URL, {"wf_step": "2", "wf_action": "send"})


def test_a_honeypot_filled_on_an_early_step_refuses_the_sending(client, stepped):  # noqa: F811
    fill(client, stepped, fax_number="+1 555 0100")

    response = send(client)

    assert response.status_code == 400
    assert "We could not accept this submission" in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_sending_counts_against_the_rate_limit(stepped, settings):  # noqa: F811
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"
    first, second = Client(), Client()
    fill(first, stepped)
    fill(second, stepped, applicant_email="kim@university.example")

    assert send(first).status_code == 200
    assert send(second).status_code == 429
    assert MembershipApplication.objects.count() == 1


def test_next_and_back_do_not_use_up_the_rate_limit(client, stepped, settings):  # noqa: F811
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"
    fill(client, stepped)
    client.post(FORM_URL, {"wf_step": "1", "wf_action": "back"})
    client.post(FORM_URL, step_data(stepped, 1))
    client.post(FORM_URL, step_data(stepped, 2))

    assert send(client).status_code == 200


def test_the_same_answers_sent_from_two_drafts_make_one_application(stepped):  # noqa: F811
    first, second = Client(), Client()
    fill(first, stepped)
    fill(second, stepped)

    send(first)
    response = send(second)

    assert MembershipApplication.objects.count() == 1
    assert MembershipApplication.objects.get().reference in response.content.decode()


def test_answers_changed_in_the_draft_behind_the_forms_back_are_validated_again(client, stepped):  # noqa: F811
    fill(client, stepped)
    draft = FormDraft.objects.get()
    draft.data["applicant_email"] = ["not an address"]
    draft.data["teams"] = [str(stepped.closed_team.pk)]
    draft.save()

    response = send(client)

    html = response.content.decode()
    assert "Step 1 of 2" in html and "Enter a valid email address" in html
    assert not MembershipApplication.objects.exists()
    assert FormDraft.objects.get().step == 0
