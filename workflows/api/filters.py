"""The staff list's filters: a django-filter FilterSet over the plugin's application queue."""

import django_filters
from django.utils.translation import gettext_lazy as _

from ..models import Application, ApplicationState
from . import kinds

ORDERINGS = ("submitted_at", "updated_at", "state_changed_at", "reference", "applicant_name")


class ApplicationFilterSet(django_filters.FilterSet):
    """kind, state (several), interest (cluster of interest), assigned_to, country, submitted between, search."""

    kind = django_filters.CharFilter(method="filter_kind", label=_("kind"))
    state = django_filters.MultipleChoiceFilter(choices=ApplicationState.choices, label=_("state"))
    interest = django_filters.NumberFilter(method="filter_interest", label=_("of interest"))
    assigned_to = django_filters.NumberFilter(field_name="assigned_to_id", label=_("assigned to"))
    country = django_filters.CharFilter(method="filter_country", label=_("country"))
    submitted_after = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__gte")
    submitted_before = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__lte")
    search = django_filters.CharFilter(method="filter_search", label=_("search"))
    ordering = django_filters.OrderingFilter(fields=ORDERINGS)

    class Meta:
        model = Application
        fields = []

    def filter_kind(self, queryset, name, value):
        kind = kinds.kind_for_label(value)
        return (
            queryset.filter(kind__app_label=kind._meta.app_label, kind__model=kind._meta.model_name)
            if kind
            else queryset.none()
        )

    def filter_interest(self, queryset, name, value):
        return queryset.filter(kinds.interest_q([int(value)])).distinct()

    def filter_country(self, queryset, name, value):
        return queryset.filter(kinds.country_q(value))

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(kinds.search_q(value)).distinct() if value else queryset
