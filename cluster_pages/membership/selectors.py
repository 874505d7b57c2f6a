"""Who belongs to a cluster, derived from active applications (never stored twice).

An active city application assigned to a cluster makes its city a **member**; an active company
registration makes the company a **partner**. Only those who consented to public listing are named;
everyone counts. Each selector runs one query whatever the number of members.
"""

from dataclasses import dataclass, field

from django.db.models.functions import Lower, Trim
from django_countries import countries

from workflows.models import Application, ApplicationState

from ..models import CityApplication, CompanyRegistration


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

    def as_dict(self) -> dict:
        return {"name": self.name, "website": self.website, "country_code": self.country_code}


@dataclass(frozen=True)
class Roster:
    """The named (consented) entries, sorted by name, and how many there are in all."""

    named: list = field(default_factory=list)
    total: int = 0

    @property
    def others(self) -> int:
        return self.total - len(self.named)


def active_city_applications():
    return CityApplication.objects.filter(state=ApplicationState.ACTIVE)


def active_company_registrations():
    return CompanyRegistration.objects.filter(state=ApplicationState.ACTIVE)


def _roster(rows, *, key, make) -> Roster:
    """One entry per distinct ``key``; it is named when any of its active applications consented."""
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
    return Roster(named=named, total=len(entries))


def _city_key(row) -> tuple[str, str]:
    return (" ".join(row["city"].split()).casefold(), row["country"])


def _company_key(row) -> str:
    return " ".join(row["company_name"].split()).casefold()


def members_of(cluster) -> Roster:
    """The member cities of ``cluster`` (one query)."""
    rows = (
        active_city_applications()
        .filter(assigned_to_id=cluster.pk)
        .order_by("pk")
        .values("city", "country", "consent_public_listing")
    )
    return _roster(rows, key=_city_key, make=Member.from_row)


def partners_of(cluster) -> Roster:
    """The partner companies of ``cluster`` (one query)."""
    rows = (
        active_company_registrations()
        .filter(assigned_to_id=cluster.pk)
        .order_by("pk")
        .values("company_name", "website", "country", "consent_public_listing")
    )
    return _roster(
        rows,
        key=_company_key,
        make=lambda row: Partner(name=row["company_name"].strip(), website=row["website"], country_code=row["country"]),
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


def distinct_partner_companies(queryset) -> int:
    return queryset.annotate(company_key=Lower(Trim("company_name"))).values("company_key").distinct().count()


__all__ = [
    "Member",
    "Partner",
    "Roster",
    "active_city_applications",
    "active_company_registrations",
    "distinct_member_cities",
    "distinct_partner_companies",
    "members_of",
    "memberships_of_email",
    "partners_of",
]
