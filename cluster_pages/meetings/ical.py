"""A session's iCalendar file, attached to its registrants' confirmation, promotion and reminder mails."""

from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event

#: The registrant's mails that carry the session for their calendar.
MAILS_WITH_THE_SESSION = ("registration_confirmed", "registration_promoted", "registration_reminder")


def session_calendar(session) -> bytes:
    """A VCALENDAR with the session as one VEVENT, in its event's time zone (the UID is stable per session)."""
    event = session.page.specific
    calendar = Calendar()
    calendar.add("prodid", "-//WeGO Thematic Clusters//Events//EN")
    calendar.add("version", "2.0")
    calendar.add("method", "PUBLISH")
    host = urlsplit(settings.WAGTAILADMIN_BASE_URL).hostname or "localhost"
    entry = Event()
    entry.add("uid", f"event-session-{session.pk}@{host}")
    entry.add("dtstamp", timezone.now())
    entry.add("summary", f"{session.title} ({event.title})")
    entry.add("dtstart", timezone.localtime(session.starts_at, event.zone))
    entry.add("dtend", timezone.localtime(session.ends_at, event.zone))
    place = [session.room, event.venue, event.city, event.country.name if event.country else ""]
    location = ", ".join(part for part in place if part) or session.online_url
    if location:
        entry.add("location", location)
    url = session.online_url or event.get_full_url()
    if url:
        entry.add("url", url)
    calendar.add_component(entry)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def session_attachments(registration, *, template: str) -> list[tuple[str, bytes, str]]:
    """The session's ``.ics`` for the mails that confirm or remind of a place; nothing for the others."""
    if template not in MAILS_WITH_THE_SESSION:
        return []
    return [("session.ics", session_calendar(registration.session), "text/calendar")]
