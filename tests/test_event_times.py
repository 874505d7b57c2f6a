"""An event may have a start and end time in its own time zone; all-day events stay dates only."""

import datetime
import zoneinfo

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from cluster_pages.models import EventPage

from .factories import EventPageFactory
from .test_event_dates import event_form_data

pytestmark = pytest.mark.django_db

DAY = timezone.localdate() + datetime.timedelta(days=30)
NEXT_DAY = DAY + datetime.timedelta(days=1)


@pytest.fixture
def webinar(site_tree):
    return EventPageFactory(
        parent=site_tree.events,
        title="Data webinar",
        slug="data-webinar",
        start_date=DAY,
        end_date=DAY,
        start_time=datetime.time(9, 30),
        end_time=datetime.time(11, 0),
        time_zone="Asia/Seoul",
    )


def long_date(day):
    return f"{day.day} {day:%B %Y}"


def only_event(response):
    assert response.status_code == 200
    calendar = Calendar.from_ical(response.content)
    [event] = calendar.walk("VEVENT")
    return calendar, event


def test_the_event_page_shows_the_day_and_times_with_the_time_zone(client, webinar):
    html = client.get(webinar.url).content.decode()

    assert f"{long_date(DAY)}, 09:30</time>–" in html
    assert "11:00</time> (KST)" in html
    assert f'datetime="{DAY.isoformat()}T09:30:00+09:00"' in html


def test_times_are_shown_in_the_events_zone_whatever_the_sites_zone(client, webinar, settings):
    settings.TIME_ZONE = "America/New_York"

    html = client.get(webinar.url).content.decode()

    assert "09:30</time>" in html and "(KST)" in html


def test_the_events_listing_shows_the_times(client, webinar):
    html = client.get("/en/events/").content.decode()

    assert f"{long_date(DAY)}, 09:30</time>–" in html and "11:00</time> (KST)" in html


def test_a_multi_day_timed_event_shows_both_days_with_their_times(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start_date=DAY,
        end_date=NEXT_DAY,
        start_time=datetime.time(18, 0),
        end_time=datetime.time(12, 0),
        time_zone="Europe/Madrid",
    )

    html = client.get(event.url).content.decode()

    assert f"{long_date(DAY)}, 18:00</time> to" in html
    madrid = datetime.datetime.combine(DAY, datetime.time(18, 0), zoneinfo.ZoneInfo("Europe/Madrid")).tzname()
    assert madrid in ("CET", "CEST")  # the abbreviation of the zone at the event's start, as visitors read it
    assert f"{long_date(NEXT_DAY)}, 12:00</time> ({madrid})" in html


def test_a_timed_events_ics_has_a_start_and_end_in_its_time_zone(client, webinar):
    calendar, event = only_event(client.get(webinar.url + "event.ics"))

    seoul = datetime.timezone(datetime.timedelta(hours=9))
    assert event.decoded("DTSTART") == datetime.datetime.combine(DAY, datetime.time(9, 30), seoul)
    assert event.decoded("DTEND") == datetime.datetime.combine(DAY, datetime.time(11, 0), seoul)
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"
    assert [str(zone["TZID"]) for zone in calendar.walk("VTIMEZONE")] == ["Asia/Seoul"]


def test_a_timed_utc_event_is_written_in_utc(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start_date=DAY,
        end_date=DAY,
        start_time=datetime.time(14, 0),
        end_time=datetime.time(15, 0),
        time_zone="UTC",
    )

    _calendar, entry = only_event(client.get(event.url + "event.ics"))

    assert f"DTSTART:{DAY:%Y%m%d}T140000Z" in entry.to_ical().decode()


def test_an_all_day_event_stays_dates_only_in_its_ics_and_page(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, start_date=DAY, end_date=DAY)

    _calendar, entry = only_event(client.get(event.url + "event.ics"))

    assert f"DTSTART;VALUE=DATE:{DAY:%Y%m%d}" in entry.to_ical().decode()
    assert entry.decoded("DTEND") == NEXT_DAY
    assert f"{long_date(DAY)}</time>" in client.get(event.url).content.decode()


def test_the_feed_carries_the_times(client, webinar):
    calendar = Calendar.from_ical(client.get("/en/events/feed.ics").content)

    [event] = calendar.walk("VEVENT")
    assert event["DTSTART"].params["TZID"] == "Asia/Seoul"


@pytest.mark.parametrize(
    ("times", "field"),
    [({"start_time": datetime.time(9)}, "end_time"), ({"end_time": datetime.time(9)}, "start_time")],
    ids=["start-only", "end-only"],
)
def test_a_start_time_and_an_end_time_go_together(site_tree, times, field):
    event = EventPageFactory.build(start_date=DAY, end_date=DAY, **times)

    with pytest.raises(ValidationError) as excinfo:
        event.clean()

    assert excinfo.value.message_dict[field] == ["Give both a start and an end time, or neither for an all-day event."]


def test_a_one_day_event_cannot_end_before_it_starts(site_tree):
    event = EventPageFactory.build(
        start_date=DAY, end_date=DAY, start_time=datetime.time(11), end_time=datetime.time(9)
    )

    with pytest.raises(ValidationError) as excinfo:
        event.clean()

    assert excinfo.value.message_dict["end_time"] == ["The event must end after it starts."]


def test_a_new_event_is_in_seouls_time_zone_unless_chosen(settings):
    settings.TIME_ZONE = "UTC"  # the server's clock zone is not where events are held

    assert EventPage(start_date=DAY, end_date=DAY).time_zone == "Asia/Seoul"


def test_the_event_time_zone_setting_changes_the_default(settings):
    settings.EVENT_TIME_ZONE = "Asia/Tokyo"

    assert EventPage(start_date=DAY, end_date=DAY).time_zone == "Asia/Tokyo"


def test_the_api_gives_the_times_and_the_time_zone(client, webinar):
    body = client.get(f"/api/v3/pages/{webinar.pk}/").json()

    assert (body["start_time"], body["end_time"], body["time_zone"]) == ("09:30:00", "11:00:00", "Asia/Seoul")


def test_an_editor_adds_a_timed_event_in_the_admin(client, superuser, site_tree):
    client.force_login(superuser)
    add_url = reverse("wagtailadmin_pages:add", args=("cluster_pages", "eventpage", site_tree.events.pk))

    response = client.post(
        add_url,
        event_form_data(start_date=DAY.isoformat(), end_date=DAY.isoformat(), start_time="09:30", end_time="11:00"),
    )

    assert response.status_code == 302
    event = EventPage.objects.get(slug="tech-jam")
    assert (event.start_time, event.end_time, event.time_zone) == (
        datetime.time(9, 30),
        datetime.time(11, 0),
        "Europe/Madrid",
    )


def test_the_admin_explains_a_missing_end_time(client, superuser, site_tree):
    client.force_login(superuser)
    add_url = reverse("wagtailadmin_pages:add", args=("cluster_pages", "eventpage", site_tree.events.pk))

    response = client.post(add_url, event_form_data(start_time="09:30"))

    assert response.status_code == 200
    assert response.context["form"].errors["end_time"] == [
        "Give both a start and an end time, or neither for an all-day event."
    ]
