"""The home page says how many cities took part in this year's meetings: distinct cities of people checked in."""

import pytest
from django.utils import timezone

from cluster_pages.figures import meeting_cities
from cluster_pages.models import EventSession
from home.models import HomePage
from workflows.services.places import registration_create
from workflows.services.transitions import perform_transition

from .conftest import person

pytestmark = pytest.mark.django_db


def attended(session, coordinator, **fields):
    registration = registration_create(slot=session, fields={**person(**fields), "consent_privacy": True}).registration
    perform_transition(application=registration, name="mark_attended", user=coordinator)


def test_distinct_cities_of_people_checked_in_this_year_count(client, summit, coordinator):
    attended(summit.other, coordinator, city="Seoul", country="KR")
    attended(summit.other, coordinator, city=" seoul ", country="KR")
    attended(summit.other, coordinator, city="Busan", country="KR")
    registration_create(slot=summit.other, fields={**person(city="Lyon", country="FR"), "consent_privacy": True})
    EventSession.objects.filter(pk=summit.other.pk).update(starts_at=timezone.now())

    assert meeting_cities(year=timezone.localdate().year) == 2
    assert meeting_cities(year=timezone.localdate().year - 1) == 0
    home = HomePage.objects.get(locale__language_code="en")
    home.figure_blocks = [("live_figure", {"figure": "meeting_cities", "caption": ""})]
    home.save_revision().publish()  # an editor chose the figure for the home page
    assert "Cities at this year&#x27;s meetings" in client.get("/en/").content.decode()
