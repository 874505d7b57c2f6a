"""django-filter FilterSets for the public event and case-study listings.

Each filter offers only the values its listing can match (a country, cluster or kind with at least one live item),
so no choice leads to an empty page.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries
from django_filters.constants import EMPTY_VALUES
from wagtail.models import Page

from .choices import EventKind, ProjectStatus
from .clusters_once import LocalTitleChoiceField, clusters_once


class ClusterFilter(django_filters.ModelChoiceFilter):
    """A cluster matches its items in every language: an item links to the cluster's page in the item's language
    (or the default language's), so the filter compares translation keys."""

    field_class = LocalTitleChoiceField

    def filter(self, qs, value):
        if value in EMPTY_VALUES:
            return qs
        return qs.filter(**{f"{self.field_name}__translation_key": value.translation_key}).distinct()


def live_clusters_of(items, field_name: str):
    """Each live cluster that ``items`` link to through ``field_name`` (in any language) once, as its
    default-language page, named in the visitor's language."""
    clusters = items.model._meta.get_field(field_name).related_model
    used = Page.objects.filter(pk__in=items.order_by().values(field_name)).values("translation_key")
    return clusters_once(clusters.objects.live().public()).filter(translation_key__in=used)


def countries_in(queryset):
    used = set(queryset.order_by().values_list("country", flat=True).distinct())
    return [(country.code, country.name) for country in countries if country.code in used]


def kinds_in(queryset):
    used = set(queryset.order_by().values_list("kind", flat=True).distinct())
    return [(value, label) for value, label in EventKind.choices if value in used]


class EventFilter(django_filters.FilterSet):
    cluster = ClusterFilter(
        label=_("Cluster"), field_name="related_clusters", queryset=Page.objects.none(), empty_label=_("All clusters")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["cluster"].queryset = live_clusters_of(self.queryset, "related_clusters")
        self.filters["kind"].extra["choices"] = kinds_in(self.queryset)


class CaseStudyFilter(django_filters.FilterSet):
    cluster = ClusterFilter(
        label=_("Cluster"), field_name="cluster", queryset=Page.objects.none(), empty_label=_("All clusters")
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries, empty_label=_("All countries"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="project_status", choices=ProjectStatus.choices, empty_label=_("Any status")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["cluster"].queryset = live_clusters_of(self.queryset, "cluster")
        self.filters["country"].extra["choices"] = countries_in(self.queryset)
