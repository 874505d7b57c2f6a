"""Each event offers an .ics file and the events page an iCalendar feed of upcoming events."""

import datetime

import pytest
from django.utils import timezone
from icalendar import Calendar

from .factories import EventPageFactory

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return calendar.walk("VEVENT")


@pytest.fixture
def assembly(site_tree):
    return EventPageFactory(
        parent=site_tree.events,
        title="WeGO General Assembly",
        slug="general-assembly",
        start_date=days(30),
        end_date=days(32),
        venue="City Hall",
        city="Seoul",
        country="KR",
        summary="Members meet every two years.",
    )


def test_an_events_ics_file_is_a_calendar_with_that_one_event(client, assembly):
    response = client.get("/en/events/general-assembly/event.ics")

    calendar = parse(response)
    assert response["Content-Disposition"] == 'attachment; filename="general-assembly.ics"'
    assert str(calendar["VERSION"]) == "2.0"
    [event] = vevents(calendar)
    assert str(event["SUMMARY"]) == "WeGO General Assembly"
    assert str(event["DESCRIPTION"]) == "Members meet every two years."
    assert str(event["LOCATION"]) == "City Hall, Seoul, South Korea"
    assert str(event["URL"]) == "http://localhost/en/events/general-assembly/"


def test_a_multi_day_event_is_all_day_from_its_start_date_to_the_day_after_its_end_date(client, assembly):
    [event] = vevents(parse(client.get("/en/events/general-assembly/event.ics")))

    # RFC 5545: DTEND is exclusive, so a 3-day event ends on the morning of the 4th day.
    assert event.decoded("DTSTART") == days(30)
    assert event.decoded("DTEND") == days(33)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event["DTEND"].params["VALUE"] == "DATE"


def test_a_one_day_event_ends_the_next_day(client, site_tree):
    EventPageFactory(parent=site_tree.events, slug="webinar", start_date=days(5), end_date=days(5))

    [event] = vevents(parse(client.get("/en/events/webinar/event.ics")))

    assert (event.decoded("DTSTART"), event.decoded("DTEND")) == (days(5), days(6))


def test_the_event_page_advertises_its_ics_url(assembly):
    assert assembly.ical_url == "/en/events/general-assembly/event.ics"


def test_the_feed_lists_upcoming_events_only_soonest_first(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="Last year's summit", start_date=days(-365), end_date=days(-363))
    EventPageFactory(parent=site_tree.events, title="Ended yesterday", start_date=days(-3), end_date=days(-1))
    EventPageFactory(parent=site_tree.events, title="Ends today", start_date=days(-1), end_date=days(0))
    EventPageFactory(parent=site_tree.events, title="Next month", start_date=days(30), end_date=days(31))
    EventPageFactory(parent=site_tree.events, title="Next week", start_date=days(7), end_date=days(7))
    EventPageFactory(parent=site_tree.events, title="Unpublished", start_date=days(8), end_date=days(8), live=False)

    response = client.get("/en/events/feed.ics")

    calendar = parse(response)
    assert str(calendar["X-WR-CALNAME"]) == "Events"
    assert [str(event["SUMMARY"]) for event in vevents(calendar)] == ["Ends today", "Next week", "Next month"]


def test_feed_events_have_distinct_stable_uids(client, site_tree):
    first = EventPageFactory(parent=site_tree.events, start_date=days(1))
    second = EventPageFactory(parent=site_tree.events, start_date=days(2))

    uids = [str(event["UID"]) for event in vevents(parse(client.get("/en/events/feed.ics")))]
    again = [str(event["UID"]) for event in vevents(parse(client.get("/en/events/feed.ics")))]

    assert uids == again
    assert uids == [f"event-{first.pk}@localhost", f"event-{second.pk}@localhost"], "the site's host, not the request's"


def test_an_empty_feed_is_still_a_valid_calendar(client, site_tree):
    EventPageFactory(parent=site_tree.events, start_date=days(-10), end_date=days(-9))

    calendar = parse(client.get("/en/events/feed.ics"))

    assert vevents(calendar) == []
    assert str(calendar["PRODID"]) == "-//WeGO Thematic Clusters//Events//EN"


def test_the_events_index_advertises_its_feed_url(site_tree):
    assert site_tree.events.feed_url == "/en/events/feed.ics"


def test_an_unpublished_events_ics_is_not_found(client, site_tree):
    EventPageFactory(parent=site_tree.events, slug="secret-summit", live=False)

    assert client.get("/en/events/secret-summit/event.ics").status_code == 404


def test_an_unknown_ics_path_is_not_found(client, assembly):
    assert client.get("/en/events/general-assembly/other.ics").status_code == 404
    assert client.get("/en/events/no-such-event/event.ics").status_code == 404
