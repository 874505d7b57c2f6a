"""How an event's days are written in the visitor's language (Django's date-format syntax)."""

from django.utils import formats, translation

#: The site's house style in English ("18 September 2018"); other languages use Django's own format for their
#: locale ("2018년 9월 18일", "18 de septiembre de 2018", "18 septembre 2018").
ENGLISH_DAY_FORMAT = "j F Y"


def event_day_format() -> str:
    """The format of one day in the active language."""
    if (translation.get_language() or "en").split("-")[0] == "en":
        return ENGLISH_DAY_FORMAT
    return formats.get_format("DATE_FORMAT")


def event_day_time_format() -> str:
    """The format of a day and a time ("18 September 2018, 14:00"; "2018년 9월 18일 14:00")."""
    day = event_day_format()
    return f"{day}, H:i" if day == ENGLISH_DAY_FORMAT else f"{day} H:i"


def shortens_month_ranges() -> bool:
    """Whether a range within one month is written "18–19 September 2018" (English), rather than as two full
    days, which every language reads correctly."""
    return (translation.get_language() or "en").split("-")[0] == "en"
