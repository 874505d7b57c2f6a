"""Writes for the member directory: the listing consent (given or withdrawn, recorded and logged) and a member
city's place on the map (looked up when the membership starts, corrected by staff).

Each saves the application row, which moves the rosters' cache generation (``roster_cache``): the directory,
its map, the cluster pages and the API stop showing a withdrawn entry on the next request.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter
from wagtail.log_actions import log as audit_log

from ..models import CityApplication, CompanyRegistration
from ..models.listing import LISTING_CONSENT_WORDING, MapPlace
from .gazetteer import place_of

CONSENT_ACTION = "cluster_pages.listing_consent"
PLACE_ACTION = "cluster_pages.map_place"
LISTED_KINDS = (CityApplication, CompanyRegistration)


class ListingConsentChanged(LogFormatter):
    label = _("Directory listing consent changed")

    def format_message(self, log_entry):
        if log_entry.data.get("listed"):
            return _("Agreed to be listed in the member directory (wording %(version)s, from %(source)s).") % {
                "version": log_entry.data.get("wording", ""),
                "source": log_entry.data.get("source", ""),
            }
        return _("Withdrew from the member directory (from %(source)s).") % {"source": log_entry.data.get("source", "")}


class MapPlaceChanged(LogFormatter):
    label = _("Place on the directory map changed")

    def format_message(self, log_entry):
        data = log_entry.data
        if data.get("latitude") is None:
            return _("Not placed on the map (%(how)s).") % {"how": data.get("how", "")}
        return _("Placed on the map at %(latitude)s, %(longitude)s (%(how)s).") % {
            "latitude": data["latitude"],
            "longitude": data["longitude"],
            "how": data.get("how", ""),
        }


def register_log_actions(actions) -> None:
    """Called from the ``register_log_actions`` hook in wagtail_hooks.py."""
    actions.register_action(CONSENT_ACTION)(ListingConsentChanged)
    actions.register_action(PLACE_ACTION)(MapPlaceChanged)


@transaction.atomic
def listing_consent_set(
    *, application, listed: bool, user=None, source: str, project_title: bool | None = None
) -> bool:
    """Give or withdraw ``application``'s consent to the directory (and, for a city, to its project title being
    shown); records the time and the current wording, logs who did it. Returns whether anything changed."""
    row = type(application)._default_manager.select_for_update().get(pk=application.pk)
    changes = {"consent_public_listing": listed}
    if isinstance(row, CityApplication):
        changes["consent_project_title"] = bool(
            listed and (row.consent_project_title if project_title is None else project_title)
        )
    if all(getattr(row, name) == value for name, value in changes.items()):
        return False
    for name, value in changes.items():
        setattr(row, name, value)
    row.consent_public_listing_wording = LISTING_CONSENT_WORDING
    row.consent_public_listing_changed_at = timezone.now()
    row.save(update_fields=[*changes, "consent_public_listing_wording", "consent_public_listing_changed_at"])
    audit_log(
        instance=row,
        action=CONSENT_ACTION,
        user=user if getattr(user, "is_authenticated", False) else None,
        data={
            "listed": listed,
            "project_title": changes.get("consent_project_title"),
            "wording": LISTING_CONSENT_WORDING,
            "source": source,
        },
    )
    for name, value in changes.items():
        setattr(application, name, value)
    return True


def listed_applications_of(*, email: str):
    """The active applications (cities and organisations) a member's directory choice applies to."""
    from workflows.models import ApplicationState

    return [
        application
        for model in LISTED_KINDS
        for application in model.objects.filter(applicant_email__iexact=email, state=ApplicationState.ACTIVE).order_by(
            "pk"
        )
    ]


@transaction.atomic
def member_listing_set(*, user, listed: bool, project_title: bool = False) -> int:
    """A member's choice from their workspace, applied to each of their active applications; returns how many
    changed."""
    return sum(
        listing_consent_set(
            application=application, listed=listed, user=user, source="workspace", project_title=project_title
        )
        for application in listed_applications_of(email=user.email)
    )


@transaction.atomic
def city_place_look_up(*, application, user=None, again: bool = False) -> bool:
    """Place a member city from the gazetteer unless staff placed it (``again``: staff asked, so even then);
    returns whether it is on the map."""
    if not isinstance(application, CityApplication):
        return False
    if application.map_place == MapPlace.STAFF and not again:
        return application.latitude is not None
    place = place_of(city=application.city, country_code=str(application.country))
    if place is None:
        return _place_save(application, latitude=None, longitude=None, how=MapPlace.UNPLACED, user=user)
    return _place_save(
        application, latitude=place.latitude, longitude=place.longitude, how=MapPlace.GAZETTEER, user=user
    )


@transaction.atomic
def city_place_set(*, application, latitude: float | None, longitude: float | None, user) -> bool:
    """Staff place (or, with no coordinates, un-place) a member city by hand; kept over later look-ups."""
    if latitude is None or longitude is None:
        return _place_save(application, latitude=None, longitude=None, how=MapPlace.UNPLACED, user=user)
    return _place_save(application, latitude=latitude, longitude=longitude, how=MapPlace.STAFF, user=user)


def _place_save(application, *, latitude, longitude, how: str, user) -> bool:
    application.latitude, application.longitude, application.map_place = latitude, longitude, how
    application.save(update_fields=["latitude", "longitude", "map_place"])
    audit_log(
        instance=application,
        action=PLACE_ACTION,
        user=user if getattr(user, "is_authenticated", False) else None,
        data={"latitude": latitude, "longitude": longitude, "how": str(MapPlace(how).label)},
    )
    return latitude is not None
