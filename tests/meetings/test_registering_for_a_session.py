"""A visitor registers for a session from its event page: a place while places are left, then the waiting list;
one place per address; a clear refusal when the session takes no registration."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone
from wagtail.models import Locale

from cluster_pages.models import EventPage, EventRegistration
from tests.factories import EventPageFactory
from workflows.abuse import HONEYPOT_FIELD_NAME

from .conftest import make_session, register_url

pytestmark = pytest.mark.django_db


def test_the_event_page_lists_each_session_with_its_time_in_the_event_time_zone_and_places_left(client, summit):
    response = client.get("/en/events/summit/")

    page = response.content.decode()
    assert "Smart Mobility meeting" in page
    starts = timezone.localtime(summit.small.starts_at, summit.page.zone)
    assert f'datetime="{starts.isoformat()}"' in page
    assert "(KST)" in page
    assert "3 places left" in page
    assert register_url(summit.page, summit.small) in page


def test_the_event_page_is_never_kept_by_a_shared_cache_while_it_counts_places(client, summit):
    response = client.get("/en/events/summit/")

    assert "private" in response["Cache-Control"]


def test_the_registration_form_is_never_cached(client, summit):
    response = client.get(register_url(summit.page, summit.small))

    assert response.status_code == 200
    assert 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert "no-store" in response["Cache-Control"]


def test_a_visitor_gets_a_place_and_a_confirmation_with_the_session_for_their_calendar(register, summit):
    response = register(summit.small, applicant_email="ana@city.example")

    assert response.status_code == 200
    assert "Your place is confirmed" in response.content.decode()
    registration = EventRegistration.objects.get()
    assert registration.state == "confirmed"
    [message] = mail.outbox
    assert message.to == ["ana@city.example"]
    [(filename, content, mimetype)] = message.attachments
    assert (filename, mimetype) == ("session.ics", "text/calendar")
    assert "SUMMARY:Smart Mobility meeting (Summit)" in content
    assert "TZID=Asia/Seoul" in content
    assert "/applications/status/" in message.body


def test_when_the_places_are_taken_the_next_person_joins_the_waiting_list(client, register, summit):
    for _number in range(3):
        register(summit.small)

    assert "Full: join the waiting list" in client.get("/en/events/summit/").content.decode()
    response = register(summit.small, applicant_email="late@city.example")

    assert "You are on the waiting list" in response.content.decode()
    assert EventRegistration.objects.get(applicant_email="late@city.example").state == "waiting"
    assert mail.outbox[-1].attachments == []  # no calendar entry for a place not held


def test_registering_twice_with_the_same_address_takes_one_place_and_mails_the_link_again(register, summit):
    register(summit.small, applicant_email="ana@city.example")
    mail.outbox.clear()

    response = register(summit.small, applicant_email="ANA@city.example")

    assert "You are registered already" in response.content.decode()
    assert EventRegistration.objects.count() == 1
    [message] = mail.outbox
    assert message.to == ["ana@city.example"]


def test_a_full_session_without_a_waiting_list_refuses_clearly(register, summit):
    session = make_session(summit.page, title="Tiny", places=1, waiting_list_enabled=False)
    register(session)

    response = register(session)

    assert response.status_code == 409
    assert "This session is full and has no waiting list." in response.content.decode()
    assert EventRegistration.objects.filter(session=session).count() == 1


def test_a_session_whose_registration_closed_refuses_clearly(register, summit):
    now = timezone.now()
    session = make_session(summit.page, title="Closed", registration_closes_at=now - datetime.timedelta(hours=1))

    response = register(session)

    assert response.status_code == 409
    assert "Registration for this session has closed." in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_a_past_session_refuses_clearly(register, summit):
    session = make_session(summit.page, title="Over", starts_at=timezone.now() - datetime.timedelta(days=1))

    response = register(session)

    assert response.status_code == 409
    assert "This session has already taken place." in response.content.decode()
    assert not EventRegistration.objects.exists()


def test_the_form_refuses_a_robot_and_missing_consent_and_stores_nothing(register, summit):
    robot = register(summit.small, **{HONEYPOT_FIELD_NAME: "+1 555"})
    no_consent = register(summit.small, consent_privacy="")

    assert robot.status_code == no_consent.status_code == 422
    assert "privacy notice" in no_consent.content.decode()
    assert not EventRegistration.objects.exists()
    assert mail.outbox == []


def test_the_form_rate_limit_applies(register, summit, settings):
    settings.WORKFLOW_FORMS_RATE_LIMIT = "2/h"
    register(summit.small)
    register(summit.small)

    response = register(summit.small)

    assert response.status_code == 429
    assert EventRegistration.objects.count() == 2


def test_a_session_of_another_event_is_not_found_here(client, summit, site_tree):
    elsewhere = EventPageFactory(parent=site_tree.events, slug="elsewhere")
    session = make_session(elsewhere)

    assert client.get(register_url(summit.page, session)).status_code == 404


def test_a_korean_visitor_registers_in_korean_for_the_same_places(register, summit, client):
    korean_locale, _created = Locale.objects.get_or_create(language_code="ko")
    summit.page.copy_for_translation(korean_locale, copy_parents=True).save_revision().publish()
    assert EventPage.objects.filter(locale__language_code="ko").exists()

    response = register(summit.small, language="ko")

    assert response.status_code == 200
    registration = EventRegistration.objects.get()
    assert registration.language == "ko"
    assert registration.session == summit.small
    assert register_url(summit.page, summit.small, "ko") in client.get("/ko/events/summit/").content.decode()
