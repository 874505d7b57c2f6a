"""The staff list's filters: each kind's own FilterSet (the one the admin's listing uses) for state, interest,
assigned page and country, and the API's own input for the kind, the dates, the search and the ordering."""

from typing import Literal

import django_filters
from django.db.models import Q
from django.http import QueryDict
from ninja import Field, Schema

from ..admin.filters import filterset_for
from ..models import Application, ApplicationState
from ..selectors import application_kinds
from ..selectors.assessment_requests import overdue_rows_q
from . import kinds
from .params import DATE_PATTERN, MAX_ID

ORDERINGS = ("submitted_at", "updated_at", "state_changed_at", "reference", "applicant_name")
#: Answered by the kinds' FilterSets (the state, which every kind shares, by the queue's table).
KIND_FILTERS = ("interest", "assigned_to", "country")
#: A page id or country code none of a kind's choices match finds none of its rows (not a 422).
OPEN_CHOICES = {"interest", "assigned_to", "country"}


class ApplicationQueryFilterSet(django_filters.FilterSet):
    """What only the API asks of the whole queue: kind, submitted between, search and ordering."""

    kind = django_filters.CharFilter(method="filter_kind")
    submitted_after = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__gte")
    submitted_before = django_filters.DateFilter(field_name="submitted_at", lookup_expr="date__lte")
    search = django_filters.CharFilter(method="filter_search")
    assessment_overdue = django_filters.BooleanFilter(method="filter_assessment_overdue")
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

    def filter_assessment_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        query = overdue_rows_q(queryset.model)
        return queryset.filter(query) if value else queryset.exclude(query)

    def filter_search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(kinds.search_q(value)) if value else queryset


def filter_params_schema() -> type[Schema]:
    """The list's query parameters, with the site's kinds as the ``kind`` choices (once the models are loaded)."""
    kind_labels = tuple(kind._meta.label_lower for kind in application_kinds()) or ("-",)
    orderings = tuple(f"{prefix}{name}" for name in ORDERINGS for prefix in ("", "-"))

    class ApplicationFilters(Schema):
        kind: Literal[kind_labels] | None = Field(None, description="The kind's model label.")  # type: ignore[valid-type]
        state: list[ApplicationState] = Field([], description="One or more states.")
        interest: int | None = Field(None, ge=1, le=MAX_ID, description="Id of a page of interest (e.g. a cluster).")
        assigned_to: int | None = Field(None, ge=1, le=MAX_ID, description="Id of the page it is assigned to.")
        country: str | None = Field(None, pattern="^[A-Za-z]{2}$", description="ISO 3166-1 alpha-2 code.")
        # Text checked by the FilterSet: pydantic's date would also take a number as a Unix timestamp.
        submitted_after: str | None = Field(
            None, pattern=DATE_PATTERN, json_schema_extra={"format": "date"}, description="On or after this day."
        )
        submitted_before: str | None = Field(
            None, pattern=DATE_PATTERN, json_schema_extra={"format": "date"}, description="On or before this day."
        )
        search: str | None = Field(
            None, max_length=200, pattern=r"^[^\x00]*$", description="Reference, names, e-mail, texts (no NUL)."
        )
        assessment_overdue: bool | None = Field(
            None, description="true: a requested assessment is past its due date and not given; false: none is."
        )
        ordering: Literal[orderings] = Field("-submitted_at")  # type: ignore[valid-type]

    return ApplicationFilters


def _querydict(params: dict) -> QueryDict:
    data = QueryDict(mutable=True)
    for key, value in params.items():
        if isinstance(value, list):
            data.setlist(key, [str(getattr(item, "value", item)) for item in value])
        else:
            data[key] = str(value)
    return data


def _kinds_q(params: dict, *, kind_label: str | None, request) -> tuple[Q, dict]:
    """(rows of the kinds whose FilterSet matches ``params``, errors): each kind's FilterSet on its own rows."""
    data = _querydict(params)
    matching = Q(pk__in=[])
    for kind in application_kinds():
        if kind_label and kind._meta.label_lower != kind_label:
            continue
        filterset = filterset_for(kind)(data=data, queryset=kind._default_manager.all(), request=request)
        if set(params) - set(filterset.filters):
            continue  # a filter this kind does not have: none of its rows can match
        if not filterset.is_valid():
            if set(filterset.errors) <= OPEN_CHOICES:
                continue
            return matching, {name: list(errors) for name, errors in filterset.errors.items()}
        matching |= Q(pk__in=filterset.qs.values("pk"))
    return matching, {}


def filtered_applications(filters: Schema, *, queryset, request=None):
    """(``queryset`` filtered and ordered by the list's parameters, errors by parameter name)."""
    params = {name: value for name, value in filters.model_dump(exclude_none=True).items() if value != []}
    if "country" in params:
        params["country"] = params["country"].upper()
    states = params.pop("state", None)
    if states:
        # Every kind shares the queue's states, kept on the queue's own table: no kind's subquery needed.
        queryset = queryset.filter(state__in=[str(getattr(state, "value", state)) for state in states])
    kind_params = {name: params.pop(name) for name in KIND_FILTERS if name in params}
    if kind_params:
        matching, errors = _kinds_q(kind_params, kind_label=params.get("kind"), request=request)
        if errors:
            return queryset.none(), errors
        queryset = queryset.filter(matching)
    filterset = ApplicationQueryFilterSet(data=_querydict(params), queryset=queryset)
    if not filterset.is_valid():
        return queryset.none(), {name: list(errors) for name, errors in filterset.errors.items()}
    queryset = filterset.qs
    return queryset.order_by(*queryset.query.order_by, "-pk"), {}
