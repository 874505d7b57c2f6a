"""A city applies at /join/city/: one application in `submitted`, logged, notified, with a reference and link."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import CityApplication
from workflows.models import Notification, TransitionLog

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


def test_city_form_page_renders_core_fields_in_labelled_groups(client, forms):
    response = client.get("/en/join/city/")
    html = response.content.decode()
    assert response.status_code == 200
    for legend in ("Your city", "Contact person", "Your project", "Consent"):
        assert f"<legend>{legend}</legend>" in html
    assert 'name="clusters"' in html and "Smart Mobility" in html and "Smart Utility (forming)" in html
    assert "Old Theme" not in html, "archived clusters take no applications"
    assert "(required)" in html and "(optional)" in html


def test_valid_city_application_creates_one_submitted_application_with_log_and_mails(client, forms, reviewer):
    response = client.post("/en/join/city/", city_data(forms))

    assert response.status_code == 200
    application = CityApplication.objects.get()
    assert application.state == "submitted"
    assert re.fullmatch(rf"CA-\d{{4}}-{application.pk:06d}", application.reference)
    assert list(application.clusters.all()) == [forms.active_cluster]
    assert application.consent_privacy and application.consent_public_listing
    content_type = ContentType.objects.get_for_model(CityApplication)
    logs = TransitionLog.objects.filter(content_type=content_type, object_id=application.pk)
    assert [(log.from_state, log.to_state, log.by_applicant) for log in logs] == [("", "submitted", True)]
    notifications = Notification.objects.filter(content_type=content_type, object_id=application.pk)
    assert {(n.template, n.recipient_email) for n in notifications} == {
        ("applicant_received", "minji@seoul.example"),
        ("staff_new_application", reviewer.email),
    }
    html = response.content.decode()
    assert application.reference in html
    match = re.search(r'href="(http://testserver/en/applications/status/[\w-]+/)"', html)
    assert match, "the thank-you page shows the private status link"
    assert client.get(match.group(1)).status_code == 200


def test_the_project_status_radios_offer_only_real_answers(client, forms):
    html = client.get("/en/join/city/").content.decode()
    radios = re.findall(r'<input type="radio" name="project_status" value="([^"]*)"', html)

    assert radios == ["concept", "development", "launched", "implemented"], "no blank '---------' radio"
