"""iCalendar output for events (RFC 5545 through the icalendar library)."""

from datetime import timedelta
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event
from wagtail.models import Site


def calendar_for_events(events, *, request, name):
    """A VCALENDAR with one VEVENT per event: all-day ones as dates (DTEND exclusive, as RFC 5545 says), timed
    ones from their start to their end in the event's time zone."""
    calendar = Calendar()
    calendar.add("prodid", "-//WeGO Thematic Clusters//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    # The site's public host (as in the events' URLs), not the request's: a calendar matches events by UID
    # whichever address fetched the feed.
    site = Site.find_for_request(request) if request else None
    host = site.hostname if site else urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname
    stamp = timezone.now()
    for event in events:
        entry = Event()
        entry.add("uid", f"event-{event.pk}@{host}")
        entry.add("dtstamp", stamp)
        entry.add("summary", event.title)
        if event.is_timed:
            # Local times with the event's TZID (UTC ones end in Z); add_missing_timezones() adds the VTIMEZONEs.
            entry.add("dtstart", event.starts_at)
            entry.add("dtend", event.ends_at)
        else:
            entry.add("dtstart", event.start_date)
            entry.add("dtend", event.end_date + timedelta(days=1))
        location = ", ".join(part for part in (event.venue, event.city, event.country.name) if part)
        if location:
            entry.add("location", location)
        if event.summary:
            entry.add("description", event.summary)
        url = event.get_full_url(request)
        if url:
            entry.add("url", url)
        calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar
