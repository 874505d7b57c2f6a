"""The directory's part of an applicant's personal data: their listing consents (export) and, on erasure, their
withdrawal from the directory. Registered with the plugin's personal-data hooks in ``wagtail_hooks.py``."""

from django.utils.translation import gettext as _

from ..models import CityApplication, CompanyRegistration
from .services import listing_consent_set


def _listed_kinds(submissions):
    return [submission for submission in submissions if isinstance(submission, CityApplication | CompanyRegistration)]


def listing_consent_data(*, email: str, submissions) -> dict:
    """Each application's directory consent: the answer, its wording version and when it was given."""
    records = []
    for submission in _listed_kinds(submissions):
        record = {
            "application": submission.reference,
            "listed_in_directory": submission.consent_public_listing,
            "wording_version": submission.consent_public_listing_wording,
            "recorded_at": submission.consent_public_listing_recorded_at.isoformat()
            if submission.consent_public_listing_recorded_at
            else None,
        }
        if isinstance(submission, CityApplication):
            record["project_title_shown"] = submission.consent_project_title
            record["map_place"] = {"latitude": submission.latitude, "longitude": submission.longitude}
        records.append(record)
    return {"directory_listing": records} if records else {}


def listing_consent_erase(*, email: str, submissions) -> list[str]:
    """Withdraw every listing of the person's applications (logged, and the directory's cache moves on)."""
    withdrawn = sum(
        listing_consent_set(application=submission, listed=False, source="erasure")
        for submission in _listed_kinds(submissions)
    )
    return [_("Withdrew the listing from the member directory.")] if withdrawn else []
