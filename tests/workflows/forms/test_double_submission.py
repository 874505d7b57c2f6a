"""The same e-mail, form and answers within 10 minutes show the first thank-you page; no second row."""

import datetime
import re

import pytest

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL

pytestmark = pytest.mark.django_db


def status_link(response):
    match = re.search(r'href="(http://testserver/en/applications/status/[\w-]+/)"', response.content.decode())
    return match.group(1) if match else None


def test_posting_the_same_answers_again_shows_the_first_thank_you_page(client, apply_form):
    first = client.post(FORM_URL, apply_form.data())
    again = client.post(FORM_URL, apply_form.data())

    application = MembershipApplication.objects.get()
    assert application.reference in again.content.decode()
    assert "we did not save it a second time" in again.content.decode()
    assert status_link(again) == status_link(first), "the same browser sees the same link again"


def test_another_browser_sending_the_same_answers_sees_the_reference_but_not_the_link(client, apply_form):
    from django.test import Client

    client.post(FORM_URL, apply_form.data())
    response = Client().post(FORM_URL, apply_form.data())

    assert MembershipApplication.objects.count() == 1
    assert MembershipApplication.objects.get().reference in response.content.decode()
    assert status_link(response) is None
    assert "in the confirmation e-mail" in response.content.decode()


@pytest.mark.parametrize(
    "change",
    [{"motivation": "Another reason"}, {"applicant_email": "someone.else@university.example"}],
)
def test_different_answers_make_a_new_application(client, apply_form, change):
    client.post(FORM_URL, apply_form.data())
    client.post(FORM_URL, apply_form.data(**change))

    assert MembershipApplication.objects.count() == 2


def test_the_same_answers_after_ten_minutes_make_a_new_application(client, apply_form):
    client.post(FORM_URL, apply_form.data())
    MembershipApplication.objects.update(
        submitted_at=datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=11)
    )
    client.post(FORM_URL, apply_form.data())

    assert MembershipApplication.objects.count() == 2
