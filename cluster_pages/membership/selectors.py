"""Who belongs to a cluster, derived from active applications (never stored twice).

An active city application assigned to a cluster makes its city a **member**; an active partner
registration (``CompanyRegistration``: a company, non-profit, university or research institute...) makes the
organisation a **partner**. Only those who consented to public listing are named;
everyone counts. Each selector runs one query whatever the number of members.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models.functions import Lower, Trim
from django_countries import countries

from workflows.models import Application, ApplicationState

from ..choices import OrganisationType
from ..models import CityApplication, CompanyRegistration
from ..organisations import by_type_in_order, organisation_type_label


@dataclass(frozen=True)
class Member:
    city: str
    country_code: str
    #: Looked up once, when the roster is built (the page and the API read it for every member).
    country_name: str = ""

    @classmethod
    def from_row(cls, row) -> "Member":
        code = row["country"]
        return cls(city=row["city"].strip(), country_code=code, country_name=str(countries.name(code)) if code else "")

    def as_dict(self) -> dict:
        return {"city": self.city, "country_code": self.country_code, "country": self.country_name}


@dataclass(frozen=True)
class Partner:
    name: str
    website: str
    country_code: str
    #: An ``OrganisationType`` value: company, nonprofit, academic or other.
    organisation_type: str = OrganisationType.COMPANY

    @property
    def organisation_type_label(self) -> str:
        return organisation_type_label(self.organisation_type)

    def as_dict(self) -> dict:
        return {
            "name": self.name,
            "website": self.website,
            "country_code": self.country_code,
            "organisation_type": self.organisation_type,
        }


@dataclass(frozen=True)
class Roster:
    """The named (consented) entries, sorted by name, and how many there are in all."""

    named: list = field(default_factory=list)
    total: int = 0
    #: ((organisation type, count), ...) of every entry, named or not, in the types' order (partners only).
    by_type: tuple = ()

    @property
    def others(self) -> int:
        return self.total - len(self.named)


def active_city_applications():
    return CityApplication.objects.filter(state=ApplicationState.ACTIVE)


def active_company_registrations():
    return CompanyRegistration.objects.filter(state=ApplicationState.ACTIVE)


def _roster(rows, *, key, make, kind=None) -> Roster:
    """One entry per distinct ``key``; it is named when any of its active applications consented. With ``kind``
    (a row's organisation type), the entries are also counted by it."""
    entries: dict = {}
    for row in rows:
        identity = key(row)
        entry = entries.setdefault(identity, {"row": row, "consented": False})
        if row["consent_public_listing"] and not entry["consented"]:
            entries[identity] = {"row": row, "consented": True}
    named = sorted(
        (make(entry["row"]) for entry in entries.values() if entry["consented"]),
        key=lambda item: (getattr(item, "city", None) or getattr(item, "name", "")).casefold(),
    )
    by_type = by_type_in_order(Counter(kind(entry["row"]) for entry in entries.values())) if kind else ()
    return Roster(named=named, total=len(entries), by_type=by_type)


def _city_key(row) -> tuple[str, str]:
    return (" ".join(row["city"].split()).casefold(), row["country"])


def _company_key(row) -> str:
    return " ".join(row["company_name"].split()).casefold()


def members_of(cluster) -> Roster:
    """The member cities of ``cluster`` in any language (one query)."""
    rows = (
        active_city_applications()
        .filter(assigned_to__translation_key=cluster.translation_key)
        .order_by("pk")
        .values("city", "country", "consent_public_listing")
    )
    return _roster(rows, key=_city_key, make=Member.from_row)


def partners_of(cluster) -> Roster:
    """The partner companies of ``cluster`` in any language (one query)."""
    rows = (
        active_company_registrations()
        .filter(assigned_to__translation_key=cluster.translation_key)
        .order_by("pk")
        .values("company_name", "website", "country", "organisation_type", "consent_public_listing")
    )
    return _roster(
        rows,
        key=_company_key,
        make=lambda row: Partner(
            name=row["company_name"].strip(),
            website=row["website"],
            country_code=row["country"],
            organisation_type=row["organisation_type"],
        ),
        kind=lambda row: row["organisation_type"],
    )


def memberships_of_email(*, email: str, cluster, exclude_pk=None):
    """Active applications (cities and companies) with this applicant e-mail in ``cluster``."""
    query = Application.objects.filter(
        state=ApplicationState.ACTIVE, assigned_to_id=cluster.pk, applicant_email__iexact=email
    )
    if exclude_pk is not None:
        query = query.exclude(pk=exclude_pk)
    return query


def distinct_member_cities(queryset) -> int:
    """How many distinct cities (city name, ignoring case and spaces, and country) ``queryset`` holds."""
    return queryset.annotate(city_key=Lower(Trim("city"))).values("city_key", "country").distinct().count()


__all__ = [
    "Member",
    "Partner",
    "Roster",
    "active_city_applications",
    "active_company_registrations",
    "distinct_member_cities",
    "members_of",
    "memberships_of_email",
    "partners_of",
]
