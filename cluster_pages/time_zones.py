"""The time zones an event may be held in: the site's own zone by default, a short list of the network's usual
ones first, every tz database name after them, and the abbreviation visitors read ("KST")."""

import datetime
import zoneinfo

from django.conf import settings
from django.utils.translation import gettext_lazy as _

#: The zone of WeGO's secretariat (Seoul), where most events are held; ``settings.EVENT_TIME_ZONE`` overrides it.
SITE_EVENT_TIME_ZONE = "Asia/Seoul"

# Read once per process: available_timezones() walks the whole tz database (tens of ms) on every call.
KNOWN_TIME_ZONES = frozenset(zoneinfo.available_timezones())

#: Where the network's events are usually held, offered first; each with a readable label.
COMMON_TIME_ZONES = [
    ("Asia/Seoul", _("Seoul (Korea Standard Time)")),
    ("Asia/Tokyo", _("Tokyo (Japan Standard Time)")),
    ("Asia/Shanghai", _("Beijing, Shanghai (China Standard Time)")),
    ("Asia/Jakarta", _("Jakarta (Western Indonesia Time)")),
    ("Asia/Kolkata", _("New Delhi, Mumbai (India Standard Time)")),
    ("Asia/Dubai", _("Dubai (Gulf Standard Time)")),
    ("Europe/Istanbul", _("Istanbul (Turkey Time)")),
    ("Europe/Paris", _("Paris, Madrid, Brussels (Central European Time)")),
    ("Europe/London", _("London (Greenwich Mean Time)")),
    ("Africa/Nairobi", _("Nairobi (East Africa Time)")),
    ("America/New_York", _("New York (Eastern Time)")),
    ("America/Mexico_City", _("Mexico City (Central Time)")),
    ("America/Sao_Paulo", _("São Paulo (Brasília Time)")),
    ("UTC", _("Coordinated Universal Time (UTC)")),
]


def default_event_time_zone() -> str:
    return getattr(settings, "EVENT_TIME_ZONE", SITE_EVENT_TIME_ZONE)


def _readable(name: str) -> str:
    # "America/Argentina/Buenos_Aires" reads "America / Argentina / Buenos Aires".
    return name.replace("_", " ").replace("/", " / ")


def time_zone_choices():
    """The short list first, then every tz database name (legacy aliases such as "ROK" or "Zulu" left out)."""
    common = [(name, label) for name, label in COMMON_TIME_ZONES if name in KNOWN_TIME_ZONES]
    listed = {name for name, _label in common}
    everything = [
        (name, _readable(name))
        for name in sorted(KNOWN_TIME_ZONES)
        if "/" in name and name not in listed and not name.startswith(("Etc/", "SystemV/", "US/", "posix", "right"))
    ]
    return [(_("Usual places"), common), (_("All time zones"), everything)]


def zone_abbreviation(zone_name: str, *, on: datetime.datetime) -> str:
    """The zone's abbreviation at that moment ("KST", "CEST"), or its offset ("UTC+07:00") where the tz
    database has no letters for it."""
    name = on.astimezone(zoneinfo.ZoneInfo(zone_name)).tzname() or ""
    if name and name[0] not in "+-":
        return name
    offset = on.astimezone(zoneinfo.ZoneInfo(zone_name)).strftime("%z")
    return f"UTC{offset[:3]}:{offset[3:]}" if offset else zone_name
