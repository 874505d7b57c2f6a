"""Editors add an event's sessions in its page; a session people registered for cannot be removed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cluster_pages.models import EventSession
from workflows.services.places import registration_create

from .conftest import person

pytestmark = pytest.mark.django_db
STARTS = timezone.localtime(timezone.now() + datetime.timedelta(days=30)).replace(second=0, microsecond=0)


def session_form(**fields) -> dict:
    return {
        "title": "Smart Mobility meeting",
        "starts_at": STARTS.strftime("%Y-%m-%d %H:%M"),
        "ends_at": (STARTS + datetime.timedelta(hours=1)).strftime("%Y-%m-%d %H:%M"),
        "room": "Room 201",
        "online_url": "",
        "cluster": "",
        "places": "3",
        "waiting_list_enabled": "on",
        "registration_closes_at": "",
        **fields,
    }


def page_form(page, sessions) -> dict:
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "start_date": page.start_date.isoformat(),
            "end_date": page.end_date.isoformat(),
            "time_zone": page.time_zone,
            "kind": page.kind,
            "description": streamfield([]),
            "sessions": sessions,
            "action-publish": "action-publish",
        }
    )


def test_an_editor_adds_a_session_with_places_to_the_event_page(admin_client, site_tree):
    from tests.factories import EventPageFactory

    page = EventPageFactory(parent=site_tree.events, slug="jam")

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(page.pk,)), page_form(page, inline_formset([session_form()]))
    )

    assert response.status_code == 302
    [session] = EventSession.objects.filter(page=page)
    assert (session.title, session.places, session.waiting_list_enabled) == ("Smart Mobility meeting", 3, True)


def test_a_session_with_registrations_cannot_be_removed(admin_client, summit):
    registration_create(slot=summit.small, fields={**person(), "consent_privacy": True})
    sessions = [
        session_form(id=str(session.pk), title=session.title, **({"DELETE": "on"} if session == summit.small else {}))
        for session in (summit.small, summit.members, summit.other)
    ]

    response = admin_client.post(
        reverse("wagtailadmin_pages:edit", args=(summit.page.pk,)),
        page_form(summit.page, inline_formset(sessions, initial=3)),
    )

    assert response.status_code == 200
    assert "has registrations, so it cannot be removed" in response.content.decode()
    assert EventSession.objects.filter(pk=summit.small.pk).exists()
