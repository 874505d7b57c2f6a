"""Text no database can store: refused wherever text comes in (forms, the API, notes and messages)."""

from django.utils.translation import gettext as _


def unstorable_text_error(value: str) -> str | None:
    """Why ``value`` cannot be stored as text, or None.

    PostgreSQL refuses NUL in text, and a lone surrogate (which JSON's ``\\ud800`` escape can carry) is not
    Unicode, so no database can encode it as UTF-8. HTML forms never carry a surrogate (Django decodes bodies
    as UTF-8, replacing what is invalid), but JSON bodies can carry both.
    """
    if "\x00" in value:
        return _("Remove the null character (U+0000): it cannot be stored.")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return _("Remove the unpaired surrogate (a broken character): it is not Unicode and cannot be stored.")
    return None
