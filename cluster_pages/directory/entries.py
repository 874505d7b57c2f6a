"""What kind of entry a directory row is: a city, or a partner organisation of its type (company, non-profit,
university or research institute, other), as the partner registration records it."""

from django.utils.translation import gettext_lazy as _

from ..choices import OrganisationType

CITY = "city"
CITY_LABEL = _("City")

#: The registration fields ``partner_type`` reads (added to the selector's one query).
PARTNER_TYPE_FIELDS: tuple[str, ...] = ("organisation_type",)

PARTNER_TYPES = dict(OrganisationType.choices)


def partner_type(row: dict) -> str:
    """The type (a key of ``PARTNER_TYPES``) of the partner registration ``row``."""
    return row.get("organisation_type") or OrganisationType.COMPANY


def type_choices() -> list[tuple[str, str]]:
    """Every type an entry can have, cities first, for the filter and the API's documentation."""
    return [(CITY, CITY_LABEL), *PARTNER_TYPES.items()]


def type_label(value: str) -> str:
    return str(dict(type_choices()).get(value, value))
