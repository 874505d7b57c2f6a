"""django-filter FilterSets for the public event and case-study listings.

Each filter offers only the values its listing can match (a country, cluster or kind with at least one live item),
so no choice leads to an empty page.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import CaseStudyPage, EventKind, EventPage, ThematicClusterPage
from .models.case_studies import ProjectStatus


def live_clusters(request):
    return ThematicClusterPage.objects.live().public().order_by("title")


def countries_in(queryset):
    used = set(queryset.order_by().values_list("country", flat=True).distinct())
    return [(country.code, country.name) for country in countries if country.code in used]


def kinds_in(queryset):
    used = set(queryset.order_by().values_list("kind", flat=True).distinct())
    return [(value, label) for value, label in EventKind.choices if value in used]


class EventFilter(django_filters.FilterSet):
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"), field_name="related_clusters", queryset=live_clusters, empty_label=_("All clusters")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds"))

    class Meta:
        model = EventPage
        fields = ["cluster", "kind"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        events = self.queryset.order_by().values("related_clusters")
        self.filters["cluster"].queryset = live_clusters(self.request).filter(pk__in=events)
        self.filters["kind"].extra["choices"] = kinds_in(self.queryset)


class CaseStudyFilter(django_filters.FilterSet):
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"), queryset=live_clusters, empty_label=_("All clusters")
    )
    country = django_filters.ChoiceFilter(label=_("Country"), choices=countries, empty_label=_("All countries"))
    status = django_filters.ChoiceFilter(
        label=_("Status"), field_name="project_status", choices=ProjectStatus.choices, empty_label=_("Any status")
    )

    class Meta:
        model = CaseStudyPage
        fields = ["cluster", "country", "status"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        case_studies = self.queryset.order_by().values("cluster")
        self.filters["cluster"].queryset = live_clusters(self.request).filter(pk__in=case_studies)
        self.filters["country"].extra["choices"] = countries_in(self.queryset)
