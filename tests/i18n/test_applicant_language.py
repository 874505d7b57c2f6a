"""A submission records the applicant's language; every mail to them is in it, whoever causes the mail; each staff
member's alerts are in their own admin language."""

import re

import pytest
from django.core import mail
from django.utils import translation
from wagtail.users.models import UserProfile

from cluster_pages.models import CityApplication
from workflows.models import Notification
from workflows.services.transitions import perform_transition

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


def mail_to(address: str):
    return [message for message in mail.outbox if address in message.to]


def test_a_korean_visitor_applies_through_the_korean_form_and_gets_korean_mail(
    client, korean_tree, reviewer, django_capture_on_commit_callbacks
):
    page = client.get("/en/join/city/").content.decode()
    korean_page = re.search(r'href="(/ko/join/city/)" lang="ko"', page).group(1)

    invalid = client.post(korean_page, city_data(korean_tree, applicant_email="not-an-address"))
    assert invalid.status_code == 200 and '<html lang="ko"' in invalid.content.decode()
    assert not CityApplication.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        thank_you = client.post(korean_page, city_data(korean_tree))
    application = CityApplication.objects.get()
    assert application.language == "ko"
    status_link = re.search(r'href="http://testserver(/ko/applications/status/[\w-]+/)"', thank_you.content.decode())
    assert status_link, "the thank-you page links to the status page in Korean"
    status_page = client.get(status_link.group(1))
    assert status_page.status_code == 200 and '<html lang="ko"' in status_page.content.decode()

    (confirmation,) = mail_to("minji@seoul.example")
    assert confirmation.extra_headers["Content-Language"] == "ko"
    assert '<html lang="ko">' in confirmation.alternatives[0][0]
    assert "/ko/applications/status/" in confirmation.body


def test_a_reviewer_working_in_english_requests_changes_and_the_applicant_is_written_to_in_korean(
    client, forms, coordinator, django_capture_on_commit_callbacks
):
    client.post("/ko/join/city/", city_data(forms))
    application = CityApplication.objects.get()
    mail.outbox.clear()

    with translation.override("en"), django_capture_on_commit_callbacks(execute=True):
        perform_transition(
            application=application, name="request_changes", user=coordinator, message="Please add a budget."
        )

    (to_applicant,) = mail_to("minji@seoul.example")
    assert to_applicant.extra_headers["Content-Language"] == "ko"
    assert to_applicant.subject == f"신청 {application.reference} 수정이 필요합니다"
    assert "Kim Min-ji 님께" in to_applicant.body and "검토자의 메시지:" in to_applicant.body
    assert "/ko/applications/lost-link/" in to_applicant.body
    assert "Please add a budget." in to_applicant.body, "the reviewer's own words are sent as written"


def test_an_english_submission_is_recorded_as_english(client, forms):
    client.post("/en/join/city/", city_data(forms))

    assert CityApplication.objects.get().language == "en"


def test_staff_alerts_follow_each_staff_members_admin_language(
    client, forms, reviewer, coordinator, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "fr"
    profile.save()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ko/join/city/", city_data(forms))

    alerts = Notification.objects.filter(template="staff_new_application")
    languages = {alert.recipient_email: alert.context["language"] for alert in alerts}
    assert languages[reviewer.email] == "fr"
    assert languages[coordinator.email] == "en", "no choice made: the site's language, not the applicant's"
    (to_reviewer,) = mail_to(reviewer.email)
    assert to_reviewer.extra_headers["Content-Language"] == "fr"


def test_the_lost_link_mail_is_in_the_language_of_the_application(client, forms, django_capture_on_commit_callbacks):
    client.post("/ko/join/city/", city_data(forms))
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        client.post("/en/applications/lost-link/", {"email": "minji@seoul.example"})

    (message,) = mail_to("minji@seoul.example")
    assert message.extra_headers["Content-Language"] == "ko"
    assert "/ko/applications/status/" in message.body
