"""The site's vocabularies: the values a cluster's status, an event's kind and a case study's project take.

Apart from the models so that what filters or limits by them (the listings' FilterSets, the kinds' choice of
open clusters) need not import the models.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ClusterStatus(models.TextChoices):
    FORMING = "forming", _("Forming")
    ACTIVE = "active", _("Active")
    ARCHIVED = "archived", _("Archived")


class EventKind(models.TextChoices):
    SUMMIT = "summit", _("Summit")
    COMMITTEE_MEETING = "committee_meeting", _("Committee meeting")
    TECH_JAM = "tech_jam", _("Tech jam")
    EXPO = "expo", _("Expo")
    WEBINAR = "webinar", _("Webinar")
    OTHER = "other", _("Other")


class ProjectStatus(models.TextChoices):
    ONGOING = "ongoing", _("Ongoing")
    COMPLETED = "completed", _("Completed")


class OrganisationType(models.TextChoices):
    """What kind of organisation a partner is: the partner registration asks, the figures count by it."""

    COMPANY = "company", _("Company")
    NONPROFIT = "nonprofit", _("Non-profit organisation")
    ACADEMIC = "academic", _("University or research institute")
    OTHER = "other", _("Other organisation")
