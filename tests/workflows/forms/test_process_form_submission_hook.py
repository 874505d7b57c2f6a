"""A form page's ``process_form_submission`` is Wagtail's override point for a valid POST: a kind's page that
overrides it (as Wagtail documents for form pages) is heard on the HTML form, and its result is what the
thank-you page shows."""

import pytest
from django.core import mail

from workflows.pages import AbstractWorkflowFormPage

from ..testapp.models import MembershipApplication, PartnerApplyFormPage
from .conftest import status_path_in

pytestmark = pytest.mark.django_db

PARTNER_URL = "/en/apply-with-partners/"


@pytest.fixture
def partner_form(site_root, apply_form):
    page = site_root.add_child(
        instance=PartnerApplyFormPage(title="Apply with partners", slug="apply-with-partners", thank_you_text="")
    )
    page.save_revision().publish()
    return page


def partner_mails() -> list:
    return [message for message in mail.outbox if message.to == [PartnerApplyFormPage.PARTNER_DESK]]


def test_an_overridden_process_form_submission_runs_for_the_html_post(client, apply_form, partner_form):
    response = client.post(PARTNER_URL, apply_form.data())

    application = MembershipApplication.objects.get()
    assert application.form_page_id == partner_form.pk
    assert [message.subject for message in partner_mails()] == [f"New application {application.reference}"]
    html = response.content.decode()
    assert application.reference in html
    assert client.get(status_path_in(html)).status_code == 200, "the override's result keeps the status link"


def test_an_invalid_post_never_reaches_process_form_submission(client, apply_form, partner_form):
    response = client.post(PARTNER_URL, apply_form.data(applicant_email="not an address"))

    assert response.status_code == 200
    assert not MembershipApplication.objects.exists()
    assert partner_mails() == []


def test_an_override_that_returns_the_submission_as_wagtail_does_gets_the_thank_you_page(
    client, apply_form, partner_form, monkeypatch
):
    def wagtail_shaped(page, form):
        return AbstractWorkflowFormPage.process_form_submission(page, form).submission

    monkeypatch.setattr(PartnerApplyFormPage, "process_form_submission", wagtail_shaped)
    response = client.post(PARTNER_URL, apply_form.data())

    application = MembershipApplication.objects.get()
    html = response.content.decode()
    assert response.status_code == 200
    assert application.reference in html
    assert "/applications/status/" not in html, "the token was not handed back, so no link can be shown"
