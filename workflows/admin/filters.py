"""Each kind's filters (django-filter through Wagtail's WagtailFilterSet): one FilterSet per kind, for the
admin's listing and the staff API."""

from functools import cache

import django_filters
from django import forms
from django.apps import apps
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect
from wagtail.models import Page

from .actions import awaiting_action_q


def assignable_pages(model):
    """Pages applications of ``model`` can be assigned to (any status: the filter also finds past ones)."""
    page_models = [apps.get_model(label) for label in getattr(model, "assignable_page_types", ())]
    if not page_models:
        return Page.objects.none()
    return Page.objects.type(*page_models).order_by("title")


class SubmissionFilterSet(WagtailFilterSet):
    """State, submission dates and "awaiting my action"; ``filterset_for`` adds the kind's own filters."""

    submitted = django_filters.DateFromToRangeFilter(
        field_name="submitted_at", label=_("Submitted between"), widget=DateRangePickerWidget
    )
    awaiting_my_action = django_filters.BooleanFilter(
        label=_("Awaiting my action"), method="filter_awaiting_my_action", widget=BooleanRadioSelect
    )

    def filter_awaiting_my_action(self, queryset, name, value):
        if value is None:
            return queryset
        query = awaiting_action_q(model=queryset.model, user=self.request.user)
        return queryset.filter(query) if value else queryset.exclude(query)


def _has_interest(queryset, name, value):
    """Rows with ``value`` among their pages of interest: an EXISTS on the link table, so no join repeats a row
    and nothing needs a DISTINCT."""
    if value is None:
        return queryset
    field = queryset.model._meta.get_field(name)
    through = field.remote_field.through
    links = through._default_manager.filter(
        **{field.m2m_field_name(): OuterRef("pk"), field.m2m_reverse_field_name(): value}
    )
    return queryset.filter(Exists(links))


@cache
def filterset_for(model):
    """The one FilterSet of a kind, used by its admin listing and the staff API: the common filters plus
    the page of interest (the kind's ``interest_field``, a many-to-many to pages), the assigned target (for
    applications) and the country (the kind's ``country_field``)."""
    attrs = {
        # distinct=False: a state is a column of the row, so nothing can repeat (django-filter's default
        # DISTINCT made PostgreSQL sort every wide row of the result before counting it).
        "state": django_filters.MultipleChoiceFilter(
            label=_("State"),
            choices=model._meta.get_field("state").choices,
            widget=forms.CheckboxSelectMultiple,
            distinct=False,
        )
    }
    if model.interest_field:
        interest = model._meta.get_field(model.interest_field)
        attrs["interest"] = django_filters.ModelChoiceFilter(
            field_name=model.interest_field,
            label=interest.verbose_name.capitalize(),
            queryset=lambda request: interest.related_model._default_manager.order_by("title"),
            method=_has_interest,
        )
    if hasattr(model, "assignable_page_types"):
        attrs["assigned_to"] = django_filters.ModelChoiceFilter(
            field_name="assigned_to", label=_("Assigned to"), queryset=lambda request: assignable_pages(model)
        )
    if model.country_field:
        country = model._meta.get_field(model.country_field)
        attrs["country"] = django_filters.ChoiceFilter(
            field_name=model.country_field, label=country.verbose_name.capitalize(), choices=list(country.choices)
        )
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}FilterSet", (SubmissionFilterSet,), {**attrs, "Meta": meta})
