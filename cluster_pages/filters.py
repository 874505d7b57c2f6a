"""django-filter FilterSets for the public event and case-study listings."""

import django_filters
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .models import CaseStudyPage, EventKind, EventPage, ThematicClusterPage
from .models.case_studies import ProjectStatus


def live_clusters(request):
    return ThematicClusterPage.objects.live().public().order_by("title")


class EventFilter(django_filters.FilterSet):
    cluster = django_filters.ModelChoiceFilter(
        label=_("Cluster"), field_name="related_clusters", queryset=live_clusters, empty_label=_("All clusters")
    )
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=EventKind.choices, empty_label=_("All kinds"))

    class Meta:
        model = EventPage
        fields = ["cluster", "kind"]


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
