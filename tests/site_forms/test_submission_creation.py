"""A valid POST creates exactly one submission in its first state, logged and notified, all or nothing."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import CityApplication, CompanyRegistration, ThemeSuggestion
from workflows.models import Application, Notification, SubmittedFile, TransitionLog
from workflows.services import submissions as submission_services

from .support import PDF_BYTES, city_data, company_data, theme_data, upload

pytestmark = pytest.mark.django_db


def records_of(submission, model):
    content_type = ContentType.objects.get_for_model(submission)
    return model.objects.filter(content_type=content_type, object_id=submission.pk)


def status_link_in(html: str) -> str:
    match = re.search(r'href="(http://testserver/en/applications/status/[\w-]{43,}/)"', html)
    assert match, "the thank-you page shows the private status link"
    return match.group(1)


def test_company_registration_creates_one_submitted_registration_with_log_and_mails(client, forms, coordinator):
    response = client.post("/en/join/partner/", company_data(forms))

    registration = CompanyRegistration.objects.get()
    assert registration.state == "submitted"
    assert registration.reference == f"CR-{registration.submitted_at.year}-{registration.pk:06d}"
    assert list(registration.themes.all()) == [forms.forming_cluster]
    assert registration.kind == ContentType.objects.get_for_model(CompanyRegistration)
    assert [log.to_state for log in records_of(registration, TransitionLog)] == ["submitted"]
    assert {(n.template, n.recipient_email) for n in records_of(registration, Notification)} == {
        ("applicant_received", "anna@sensors.example"),
        ("staff_new_application", coordinator.email),
    }
    html = response.content.decode()
    assert registration.reference in html
    assert client.get(status_link_in(html)).status_code == 200


def test_theme_suggestion_creates_one_submitted_suggestion_and_alerts_coordinators_only(
    client, forms, reviewer, coordinator
):
    response = client.post("/en/join/suggest-a-theme/", theme_data())

    suggestion = ThemeSuggestion.objects.get()
    assert suggestion.state == "submitted"
    assert suggestion.reference == f"TS-{suggestion.submitted_at.year}-{suggestion.pk:06d}"
    assert [log.to_state for log in records_of(suggestion, TransitionLog)] == ["submitted"]
    assert {(n.template, n.recipient_email) for n in records_of(suggestion, Notification)} == {
        ("applicant_received", "sam@university.example"),
        ("staff_new_application", coordinator.email),
    }
    assert suggestion.reference in response.content.decode()


def test_only_the_hash_of_the_status_token_is_stored(client, forms):
    response = client.post("/en/join/city/", city_data(forms))

    token = status_link_in(response.content.decode()).rstrip("/").rsplit("/", 1)[1]
    application = CityApplication.objects.get()
    assert len(token) >= 43, "at least 256 bits, URL-safe"
    assert token not in application.status_token_hash
    assert application.token_is_valid(token)


def test_the_thank_you_page_is_never_cached(client, forms):
    response = client.post("/en/join/city/", city_data(forms))

    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_nothing_is_saved_when_recording_the_submission_fails(client, forms, monkeypatch, private_media):
    def broken_record(**kwargs):
        raise RuntimeError("the outbox is broken")

    monkeypatch.setattr("workflows.services.submissions.submission_record", broken_record)
    data = city_data(forms, project_brief=upload("brief.pdf", PDF_BYTES))

    with pytest.raises(RuntimeError):
        client.post("/en/join/city/", data)

    assert not Application.objects.exists()
    assert not SubmittedFile.objects.exists()
    assert not TransitionLog.objects.exists()
    assert not list(private_media.rglob("*.pdf")), "the uploaded file is removed again"


def test_the_reference_uses_the_kind_prefix_the_year_and_the_zero_padded_id():
    application = CityApplication(pk=42)
    application.submitted_at = datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC)
    assert submission_services.submission_reference(application) == "CA-2026-000042"
