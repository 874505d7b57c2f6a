"""What kind of entry a directory row is: a city, or a partner organisation of some type.

The one place that says a partner's type: today every partner registration is a company. When registrations
carry an organisation type, name its field in ``PARTNER_TYPE_FIELDS`` (the selector reads it with the row)
and return its value and label from ``partner_type``; the filter, the page and the API follow.
"""

from django.utils.translation import gettext_lazy as _

CITY = "city"
CITY_LABEL = _("City")

#: The registration fields ``partner_type`` reads (added to the selector's one query).
PARTNER_TYPE_FIELDS: tuple[str, ...] = ()

PARTNER_TYPES = {"company": _("Company")}


def partner_type(row: dict) -> str:
    """The type (a key of ``PARTNER_TYPES``) of the partner registration ``row``."""
    return "company"


def type_choices() -> list[tuple[str, str]]:
    """Every type an entry can have, cities first, for the filter and the API's documentation."""
    return [(CITY, CITY_LABEL), *PARTNER_TYPES.items()]


def type_label(value: str) -> str:
    return str(dict(type_choices()).get(value, value))
