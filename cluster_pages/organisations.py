"""Partner organisations by type: the type's name, and "7 companies, 3 non-profits, 2 universities" in words.

The helpers any listing of partners calls (the figures, the cluster pages, the member directory), so that a type
is named, and a count of one type is said, the same way everywhere.
"""

from collections.abc import Iterable

from django.utils.formats import number_format
from django.utils.translation import ngettext

from .choices import OrganisationType

__all__ = [
    "OrganisationType",
    "by_type_in_order",
    "organisation_type_count",
    "organisation_type_label",
    "partners_by_type_text",
]


def organisation_type_label(value: str) -> str:
    """The type's name in the active language ("University or research institute"); an unknown value as it is."""
    try:
        return str(OrganisationType(value).label)
    except ValueError:
        return value


def organisation_type_count(value: str, count: int) -> str:
    """``count`` partners of type ``value`` in words: "1 company", "3 non-profits", "2 universities or institutes"."""
    number = number_format(count, force_grouping=True)
    if value == OrganisationType.COMPANY:
        text = ngettext("%(count)s company", "%(count)s companies", count)
    elif value == OrganisationType.NONPROFIT:
        text = ngettext("%(count)s non-profit", "%(count)s non-profits", count)
    elif value == OrganisationType.ACADEMIC:
        text = ngettext("%(count)s university or institute", "%(count)s universities or institutes", count)
    else:
        text = ngettext("%(count)s other organisation", "%(count)s other organisations", count)
    return text % {"count": number}


def partners_by_type_text(by_type: Iterable[tuple[str, int]]) -> str:
    """ "7 companies, 3 non-profits, 2 universities or institutes": the types with any partner, in the types' order."""
    counts = dict(by_type)
    parts = [organisation_type_count(value, counts[value]) for value in OrganisationType.values if counts.get(value)]
    return ", ".join(parts)


def by_type_in_order(counts: dict[str, int]) -> tuple[tuple[str, int], ...]:
    """``counts`` as ((type, count), ...) in the types' order, leaving out the types with none."""
    return tuple((value, counts[value]) for value in OrganisationType.values if counts.get(value))
