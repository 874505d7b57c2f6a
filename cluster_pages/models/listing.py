"""What the member directory records beside an application: the listing consent's wording and time, and where a
city stands on the map (see ``cluster_pages.directory``)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

#: The version of the listing consent's wording the forms show now. Change it whenever the wording changes:
#: every consent keeps the version it was given under. "2024-listing" was "list my city publicly as a member of
#: the clusters it joins", given before the directory existed (the migration records it on older rows).
LISTING_CONSENT_WORDING = "2026-12-directory-map"
LISTING_CONSENT_WORDING_BEFORE_DIRECTORY = "2024-listing"


class ListingConsentRecord(models.Model):
    """When and under which wording the listing consent was last given or withdrawn (the form's answer is the
    first record: its time is the submission's)."""

    consent_public_listing_wording = models.CharField(
        _("listing consent wording version"), max_length=32, default=LISTING_CONSENT_WORDING, editable=False
    )
    consent_public_listing_changed_at = models.DateTimeField(
        _("listing consent changed"), null=True, blank=True, editable=False
    )

    class Meta:
        abstract = True

    @property
    def consent_public_listing_recorded_at(self):
        """When the current answer was given: its last change, else the submission."""
        return self.consent_public_listing_changed_at or self.submitted_at


class MapPlace(models.TextChoices):
    UNKNOWN = "", _("Not looked up yet")
    GAZETTEER = "gazetteer", _("Placed from the gazetteer")
    STAFF = "staff", _("Placed by staff")
    UNPLACED = "unplaced", _("Not found in the gazetteer")


class MapPlaceFields(models.Model):
    """Where a member city's marker stands: looked up in the gazetteer when the membership starts, correctable
    by staff."""

    latitude = models.FloatField(_("latitude"), null=True, blank=True, editable=False)
    longitude = models.FloatField(_("longitude"), null=True, blank=True, editable=False)
    map_place = models.CharField(
        _("place on the map"),
        max_length=16,
        choices=MapPlace.choices,
        default=MapPlace.UNKNOWN,
        blank=True,
        editable=False,
    )

    class Meta:
        abstract = True
