"""Helpers for listings and search results: a readable page type and a one-paragraph summary."""

from django import template
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .. import dates
from ..time_zones import zone_abbreviation

register = template.Library()

PAGE_TYPE_LABELS = {
    "thematicclusterpage": _("Cluster"),
    "clusterindexpage": _("Clusters"),
    "eventpage": _("Event"),
    "eventindexpage": _("Events"),
    "casestudypage": _("Case study"),
    "casestudyindexpage": _("Case studies"),
    "homepage": _("Home"),
}


@register.filter
def page_type_label(page):
    """A short label for the kind of page, e.g. "Event" or "Case study"; "Page" for anything else."""
    return PAGE_TYPE_LABELS.get(page._meta.model_name, _("Page"))


@register.filter
def page_summary(page, words=40):
    """The page's summary, search description or introduction, as plain text of at most `words` words."""
    for attribute in ("summary", "search_description", "intro", "hero_intro"):
        text = strip_tags(str(getattr(page, attribute, "") or "")).strip()
        if text:
            return Truncator(text).words(int(words))
    return ""


@register.simple_tag
def event_day_format():
    """The date format of one day of an event in the visitor's language (see cluster_pages.dates)."""
    return dates.event_day_format()


@register.simple_tag
def event_day_time_format():
    """The date format of a day and a time of an event in the visitor's language."""
    return dates.event_day_time_format()


@register.simple_tag
def event_month_ranges_shortened():
    return dates.shortens_month_ranges()


@register.simple_tag
def zone_at(zone_name, moment) -> str:
    """The zone's abbreviation at ``moment`` ("KST"), as visitors read event times."""
    return zone_abbreviation(zone_name, on=moment) if zone_name and moment else zone_name
