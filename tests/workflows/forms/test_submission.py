"""A kind's form page: a valid POST creates one submitted application, logged and notified; an invalid one
shows the errors and saves nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType

from workflows.models import Application, Notification, TransitionLog

from ..testapp.models import MembershipApplication
from .conftest import FORM_URL, status_path_in

pytestmark = pytest.mark.django_db


def records_of(submission, model):
    content_type = ContentType.objects.get_for_model(submission)
    return model.objects.filter(content_type=content_type, object_id=submission.pk)


def test_a_valid_post_creates_one_submitted_application_with_its_log_and_mails(client, apply_form, coordinator):
    response = client.post(FORM_URL, apply_form.data())

    application = MembershipApplication.objects.get()
    assert application.state == "submitted"
    assert application.reference == f"MA-{application.submitted_at.year}-{application.pk:06d}"
    assert list(application.teams.all()) == [apply_form.team]
    assert application.form_page_id == apply_form.page.pk
    assert [log.to_state for log in records_of(application, TransitionLog)] == ["submitted"]
    assert {(n.template, n.recipient_email) for n in records_of(application, Notification)} == {
        ("applicant_received", "sam@university.example"),
        ("staff_new_application", coordinator.email),
    }
    html = response.content.decode()
    assert application.reference in html
    assert "Thanks!" in html
    assert client.get(status_path_in(html)).status_code == 200


def test_the_form_asks_the_kinds_core_fields_in_its_fieldsets(client, apply_form):
    html = client.get(FORM_URL).content.decode()

    assert "<h1>Apply</h1>" in html
    for legend in ("About you", "Your request"):
        assert legend in html
    for name in ("applicant_name", "applicant_email", "organisation", "teams", "motivation"):
        assert f'name="{name}"' in html


def test_an_invalid_post_shows_the_errors_and_saves_nothing(client, apply_form):
    response = client.post(FORM_URL, apply_form.data(applicant_email="not an address", motivation=""))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Enter a valid email address" in html
    assert 'value="City University"' in html, "the answers given are kept"
    assert not Application.objects.exists()


def test_a_team_that_is_not_live_cannot_be_chosen(client, apply_form):
    response = client.post(FORM_URL, apply_form.data(teams=[str(apply_form.closed_team.pk)]))

    assert "Select a valid choice" in response.content.decode()
    assert not Application.objects.exists()
