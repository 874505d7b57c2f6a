"""Each kind's filters (django-filter through Wagtail's WagtailFilterSet): one FilterSet per kind, for the
admin's listing and the staff API."""

from functools import cache

import django_filters
from django import forms
from django.conf import settings
from django.db.models import Exists, OuterRef
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.widgets import BooleanRadioSelect

from ..adapters import kind_adapter
from ..selectors.assessment_requests import overdue_rows_q
from ..selectors.assessments import with_assessment_summary
from . import widgets
from .actions import awaiting_action_q

ASSESSMENT_CHOICES = (("none", _("None given")), ("some", _("At least one given")))


def assignable_pages(model):
    """Pages applications of ``model`` can be assigned to (any status: the filter also finds past ones), as its
    kind adapter gives them (e.g. each page once, not once more per translation)."""
    return kind_adapter(model).assignable_pages(model)


def interest_pages(model):
    """The pages of interest the listing's filter offers: the assignable pages where those are the pages of
    interest (each once, named in the reviewer's language: the chosen one's chip too), else every page of the
    interest field's model, by title."""
    related = model._meta.get_field(model.interest_field).related_model
    pages = assignable_pages(model)
    if issubclass(pages.model, related):
        return pages
    return related._default_manager.order_by("title")


def target_label(page) -> str:
    """A target page's name: its ``local_title`` where the assignable pages carry one, else its title."""
    return getattr(page, "local_title", None) or page.title


class TargetChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return target_label(obj)


class TargetFilter(django_filters.ModelChoiceFilter):
    field_class = TargetChoiceField


class SubmissionFilterSet(WagtailFilterSet):
    """State, submission dates and "awaiting my action"; ``filterset_for`` adds the kind's own filters."""

    submitted = django_filters.DateFromToRangeFilter(
        field_name="submitted_at", label=_("Submitted between"), widget=DateRangePickerWidget
    )
    awaiting_my_action = django_filters.BooleanFilter(
        label=_("Awaiting my action"), method="filter_awaiting_my_action", widget=BooleanRadioSelect
    )

    assessments = django_filters.ChoiceFilter(
        label=_("Assessments"), choices=ASSESSMENT_CHOICES, method="filter_assessments", empty_label=_("Any")
    )
    assessment_overdue = django_filters.BooleanFilter(
        label=_("Assessment overdue"),
        method="filter_assessment_overdue",
        widget=BooleanRadioSelect,
        help_text=_("A requested assessment is past its due date and not given."),
    )
    mean_score_at_least = django_filters.NumberFilter(
        label=_("Mean score at least"),
        method="filter_mean_score",
        min_value=1,
        max_value=5,
        widget=forms.NumberInput(attrs={"min": 1, "max": 5, "step": "0.1"}),
        help_text=_("1 to 5, over the latest round's assessments."),
    )

    def _summarised(self, queryset):
        """The rows with their count and mean, both blank (so never matched) where the user declared a conflict."""
        if "assessment_count" in queryset.query.annotations:
            return queryset
        return with_assessment_summary(queryset, user=getattr(self.request, "user", None))

    def filter_assessments(self, queryset, name, value):
        if value == "none":
            return self._summarised(queryset).filter(assessment_count=0)
        if value == "some":
            return self._summarised(queryset).filter(assessment_count__gt=0)
        return queryset

    def filter_mean_score(self, queryset, name, value):
        if value is None:
            return queryset
        return self._summarised(queryset).filter(assessment_mean__gte=value)

    def filter_assessment_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        query = overdue_rows_q(queryset.model)
        return queryset.filter(query) if value else queryset.exclude(query)

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
    applications), the country (the kind's ``country_field``) and the kind's ``filter_fields``."""
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
        attrs["interest"] = TargetFilter(
            field_name=model.interest_field,
            label=capfirst(interest.verbose_name),
            queryset=lambda request: interest_pages(model),
            method=_has_interest,
        )
    if hasattr(model, "assignable_page_types"):
        attrs["assigned_to"] = TargetFilter(
            field_name="assigned_to",
            label=_("Assigned to"),
            queryset=lambda request: assignable_pages(model),
        )
    if model.country_field:
        country = model._meta.get_field(model.country_field)
        attrs["country"] = django_filters.ChoiceFilter(
            field_name=model.country_field,
            label=capfirst(country.verbose_name),
            choices=list(country.choices),
            widget=widgets.Select,
        )
    for name in model.filter_fields:
        field = model._meta.get_field(name)
        attrs[name] = django_filters.ChoiceFilter(
            field_name=name, label=capfirst(field.verbose_name), choices=list(field.choices), widget=widgets.Select
        )
    attrs["language"] = django_filters.ChoiceFilter(
        field_name="language", label=_("Applicant's language"), choices=list(settings.LANGUAGES), widget=widgets.Select
    )
    meta = type("Meta", (), {"model": model, "fields": []})
    return type(f"{model.__name__}FilterSet", (SubmissionFilterSet,), {**attrs, "Meta": meta})
