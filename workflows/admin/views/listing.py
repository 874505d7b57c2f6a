"""The listing of one kind's submissions: visible rows only, constant queries, row and bulk actions, export."""

import csv

from django.core.exceptions import PermissionDenied
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from wagtail.admin.views import generic
from wagtail.admin.views.mixins import Echo
from wagtail.admin.widgets.button import Button

from ...models import Application
from ...selectors import prefetch_managed_targets, submissions_visible_to, target_ids_managed_by
from ...selectors.assessment_requests import with_overdue_count
from ...selectors.assessments import with_assessment_summary, with_criterion_means
from ...selectors.counts import rows_per_state
from ...selectors.related import attach_related, related_of
from ...selectors.search import contains_any_q
from ...services.assessments import assessable_states, criteria_for
from ...services.assessors import user_may_request_any_assessments
from ...services.transitions import StaffTransitionsMemo
from ..actions import bulk_transition_choices, transition_action, transitions_from_states
from ..buttons import QuickButtonWithDropdown, quick
from ..columns import AssessmentCountColumn, AssessmentMeanColumn, SelectColumn
from ..request_columns import OverdueColumn
from ..spreadsheet import SafeSpreadsheetCellsMixin

ANSWER_PREFIX = "answer:"
CRITERION_PREFIX = "criterion_mean_"
#: The bulk footer's name for "Request assessments" (no transition is named with a hyphen).
REQUEST_ASSESSMENTS = "request-assessments"
#: Rows read at a time by the export (each chunk's pages of interest are attached in two queries).
EXPORT_CHUNK = 2000


class SubmissionIndexView(SafeSpreadsheetCellsMixin, generic.IndexView):
    """Wagtail's generic listing, narrowed by ``submissions_visible_to`` and given the workspace's actions."""

    any_permission_required = ["view"]
    template_name = "workflows/admin/index.html"
    results_template_name = "workflows/admin/index_results.html"
    list_select_related = ()
    list_prefetch_related = ()
    transition_url_name = None
    bulk_url_name = None
    assessment_url_name = None
    assessment_request_bulk_url_name = None
    #: False for kinds nobody assesses (e.g. registrations): no assessment columns, no "Request assessments".
    assessments_enabled = True

    def get_base_queryset(self):
        queryset = self.model._default_manager.all()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        if self.list_prefetch_related:
            queryset = queryset.prefetch_related(*self.list_prefetch_related)
        return with_overdue_count(
            with_assessment_summary(
                submissions_visible_to(user=self.request.user, queryset=queryset, target_ids=self.managed_target_ids),
                user=self.request.user,
            )
        )

    def search_queryset(self, queryset):
        """Wagtail's "contains" search over ``search_fields``, asked one table at a time (see
        ``workflows.selectors.search``) so PostgreSQL answers from its trigram indexes."""
        if not self.is_searching or self.search_backend_name or not self.search_fields:
            return super().search_queryset(queryset)
        return queryset.filter(contains_any_q(queryset.model, self.search_fields, self.search_query))

    @cached_property
    def related_fields(self) -> list[str]:
        """The many-to-many fields the columns or the export show: attached to the rows shown (``attach_related``),
        not prefetched."""
        shown = {column.name for column in self.columns} | set(self.list_export or ())
        shown |= {name for column in self.columns for name in getattr(column, "related_fields", ())}
        return [field.name for field in self.model._meta.many_to_many if field.name in shown]

    def get_valid_orderings(self):
        """Wagtail's (each column's ``sort_key``), and the second ordering a header may offer (``sort_keys``,
        e.g. the last change under "Submitted")."""
        orderings = list(super().get_valid_orderings())
        for column in self.columns:
            for key in getattr(column, "sort_keys", ()):
                orderings += [key, f"-{key}"]
        return list(dict.fromkeys(orderings))

    #: Sort keys that are empty (NULL) for rows without a value: the mean of no assessment, the scores of a row the
    #: user declared a conflict with.
    NULLABLE_SORT_KEYS = ("assessment_mean", "assessment_count")

    def order_queryset(self, queryset):
        """Rows without a value come last whichever way the column is sorted, on every database (PostgreSQL puts
        NULL first when sorting down, SQLite last), as Wagtail does for its "updated" column."""
        key = (self.ordering or "").removeprefix("-")
        if key in self.NULLABLE_SORT_KEYS:
            expression = F(key).desc(nulls_last=True) if self.ordering.startswith("-") else F(key).asc(nulls_last=True)
            return queryset.order_by(expression, "-pk")
        queryset = super().order_queryset(queryset)
        # Wagtail sorts by the chosen column alone; rows that tie (every "submitted" row under a sort by state) then
        # come in any order the database likes, and PostgreSQL may show one on two pages and skip another. The id
        # breaks ties, in the column's direction (so an index on the column and the id serves both).
        terms = [str(term) for term in queryset.query.order_by]
        if terms and not any(term.removeprefix("-") in ("pk", "id") for term in terms):
            queryset = queryset.order_by(*queryset.query.order_by, "-pk" if terms[0].startswith("-") else "pk")
        return queryset

    def get_paginator(self, queryset, per_page, **kwargs):
        """Wagtail's paginator, its count taken from the rows per state of the filtered listing when the bulk
        footer needs those states ("Select all N in the listing"): one pass over the filtered rows where a
        ``COUNT`` and a ``DISTINCT state`` made two."""
        paginator = super().get_paginator(queryset, per_page, **kwargs)
        if self.bulk_transitions:
            rows = rows_per_state(queryset)
            self.listing_states = set(rows)
            paginator.__dict__["count"] = sum(rows.values())  # Paginator.count is a cached_property
        return paginator

    def paginate_queryset(self, queryset, page_size):
        """A later page as a deferred join: the page's ids picked by a narrow query (the filters and the ordering
        only), then its rows with their per-row columns (assessment counts, means, overdue requests). Sliced
        directly, the database computed those columns for every row the offset skips: page 500 of 100,000
        applications with assessments took ~0.9 s, nearly all of it columns thrown away."""
        paginator, page, object_list, is_paginated = super().paginate_queryset(queryset, page_size)
        if isinstance(object_list, QuerySet) and object_list.query.low_mark:
            object_list = queryset.filter(pk__in=object_list.values("pk"))
            page.object_list = object_list
        return paginator, page, object_list, is_paginated

    def get_table(self, object_list):
        attach_related(object_list, self.related_fields)
        return super().get_table(object_list)

    # -- row actions -------------------------------------------------------------------------

    @cached_property
    def managed_target_ids(self):
        if issubclass(self.model, Application):
            return target_ids_managed_by(user=self.request.user, model=self.model)
        return None

    @cached_property
    def transitions_memo(self):
        return StaffTransitionsMemo(user=self.request.user)

    def transition_names(self, instance) -> list[str]:
        """The transitions offered on this row: its "Actions" dropdown and what its checkbox offers in bulk
        (asked once per state and leadership, not once per row: ``StaffTransitionsMemo``)."""
        if self.managed_target_ids is not None:
            prefetch_managed_targets([instance], user=self.request.user, target_ids=self.managed_target_ids)
        return self.transitions_memo(instance)

    def transition_actions(self, instance) -> list[dict]:
        names = self.transition_names(instance)
        return [
            transition_action(instance, name, url=reverse(self.transition_url_name, args=(instance.pk, name)))
            for name in names
        ]

    def transition_button(self, instance, action: dict, priority: int) -> Button:
        """A dropdown item: a link to the transition's form, or a button that posts it at once.

        Both carry the state the user saw, so a row changed since the listing was drawn is reported as a
        conflict. The posting button uses Wagtail's ``w-action#post``, which adds the CSRF token and ``next``.
        """
        url = f"{action['url']}?{urlencode({'state': instance.state, 'next': self.request.get_full_path()})}"
        attrs = {"data-transition": action["name"]}
        if action["needs_form"]:
            return Button(f"{action['label']}…", url=url, icon_name="edit", priority=priority, attrs=attrs)
        attrs |= {"data-controller": "w-action", "data-action": "w-action#post", "data-w-action-url-value": url}
        return Button(action["label"], icon_name="arrow-right", priority=priority, attrs=attrs)

    def get_list_buttons(self, instance):
        """An "Actions" dropdown (the row's transitions) beside the reference, before Wagtail's "More" one, so
        the row's actions stay in view however wide the table is."""
        buttons = [
            self.transition_button(instance, action, index)
            for index, action in enumerate(self.transition_actions(instance))
        ]
        dropdown = []
        if buttons:
            label = _("Actions")
            dropdown.append(
                QuickButtonWithDropdown(
                    label=label,
                    buttons=buttons,
                    icon_name="arrow-down",
                    classname="button button-small button-secondary workflow-actions-toggle",
                    attrs={
                        "aria-label": _("Actions for %(reference)s") % {"reference": instance},
                        "data-workflow-actions": instance.pk,
                    },
                )
            )
        return [*dropdown, *quick(super().get_list_buttons(instance))]

    @cached_property
    def may_request_assessments(self) -> bool:
        if not self.assessments_enabled:
            return False
        return bool(self.assessment_request_bulk_url_name) and user_may_request_any_assessments(self.request.user)

    def bulk_offered(self, instance) -> list[str]:
        """What the row's checkbox offers the bulk footer: its transitions, and requesting assessments."""
        names = list(self.transition_names(instance))
        if self.may_request_assessments and instance.state in assessable_states(self.model):
            names.append(REQUEST_ASSESSMENTS)
        return names

    @cached_property
    def columns(self):
        assessments = [OverdueColumn(), AssessmentCountColumn(), AssessmentMeanColumn()]
        return [
            SelectColumn(offered=self.bulk_offered),
            *super().columns,
            *(assessments if self.assessments_enabled else []),
        ]

    # -- bulk actions ------------------------------------------------------------------------

    @cached_property
    def bulk_transitions(self) -> list[dict]:
        return [
            {**choice, "url": reverse(self.bulk_url_name, args=(choice["name"],))}
            for choice in bulk_transition_choices(model=self.model, user=self.request.user)
        ]

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["bulk_transitions"] = list(self.bulk_transitions)
        if self.may_request_assessments:
            context["bulk_transitions"].append(
                {
                    "name": REQUEST_ASSESSMENTS,
                    "label": _("Request assessments"),
                    "aria_label": _("Request assessments of the selected rows"),
                    "destructive": False,
                    "url": reverse(self.assessment_request_bulk_url_name),
                }
            )
        paginator = context.get("paginator")
        # "Select all N in the listing" (offered when the filtered listing runs over several pages): the bulk
        # actions that leave a state some row of the whole listing is in, in one query whatever the number of
        # rows or pages. The results fragment carries it, so it follows the filters Wagtail swaps in.
        context["listing_transitions"] = []
        if paginator is not None and self.bulk_transitions:
            states = getattr(self, "listing_states", None)
            if states is None:
                states = set(paginator.object_list.order_by().values_list("state", flat=True).distinct())
            context["listing_transitions"] = transitions_from_states(
                model=self.model, names=[choice["name"] for choice in self.bulk_transitions], states=states
            )
        return context

    # -- export ------------------------------------------------------------------------------

    @cached_property
    def may_export(self):
        return self.user_has_permission("export")

    @cached_property
    def show_export_buttons(self):
        return bool(self.list_export) and self.may_export

    def get(self, request, *args, **kwargs):
        if self.is_export:
            if not self.may_export:
                raise PermissionDenied
            # Straight to the file: the listing's context would count and hold every row first.
            return self.as_spreadsheet(self.get_queryset(), request.GET.get("export"))
        return super().get(request, *args, **kwargs)

    def as_spreadsheet(self, queryset, spreadsheet_format):
        """Export every filtered row, with one column per extra question (headed by its stored label)."""
        answer_labels = {}
        for answers in queryset.order_by().values_list("answers", flat=True).iterator(chunk_size=EXPORT_CHUNK):
            for key, answer in (answers or {}).items():
                if key not in answer_labels:
                    answer_labels[key] = (answer or {}).get("label") or key
        self.answer_headings = {f"{ANSWER_PREFIX}{key}": label for key, label in answer_labels.items()}
        criteria = list(criteria_for(self.model))
        self.assessment_headings = {
            "assessment_count": _("Assessments given"),
            "assessment_mean": _("Mean score"),
            **{
                f"{CRITERION_PREFIX}{criterion.pk}": _("Mean score: %(criterion)s") % {"criterion": criterion.name}
                for criterion in criteria
            },
        }
        queryset = with_criterion_means(queryset, criteria, prefix=CRITERION_PREFIX, user=self.request.user)
        self.list_export = [*self.list_export, *self.assessment_headings, *self.answer_headings]
        return super().as_spreadsheet(queryset, spreadsheet_format)

    def stream_csv(self, queryset):
        """Wagtail's CSV rows, read from the database in chunks: memory stays the same whatever the row count
        (iterating the queryset itself would hold every row until the download ends)."""
        writer = csv.DictWriter(Echo(), fieldnames=self.list_export)
        yield writer.writerow({field: self.get_heading(queryset, field) for field in self.list_export})
        for chunk in self.export_chunks(queryset):
            for item in chunk:
                yield self.write_csv_row(writer, self.to_row_dict(item))

    def export_chunks(self, queryset):
        """The rows in lists of ``EXPORT_CHUNK``, each with its many-to-many objects attached."""
        chunk = []
        for item in queryset.iterator(chunk_size=EXPORT_CHUNK):
            chunk.append(item)
            if len(chunk) == EXPORT_CHUNK:
                attach_related(chunk, self.related_fields)
                yield chunk
                chunk = []
        if chunk:
            attach_related(chunk, self.related_fields)
            yield chunk

    def to_row_dict(self, item):
        row = {}
        for field in self.list_export:
            if field.startswith(ANSWER_PREFIX):
                answer = (item.answers or {}).get(field.removeprefix(ANSWER_PREFIX)) or {}
                value = answer.get("value", "")
                row[field] = ", ".join(map(str, value)) if isinstance(value, list) else value
            elif field in self.__dict__.get("assessment_headings", {}):
                value = getattr(item, field, None)
                row[field] = round(value, 2) if isinstance(value, float) else value
            else:
                row[field] = self._export_value(item, field)
        return row

    def _export_value(self, item, field):
        if field in self.related_fields:
            # The pages' own (default-language, e.g. English) titles, whatever the admin language: the export is a
            # data file, read and joined by other tools, so it names each page the same way every time.
            return ", ".join(str(related) for related in related_of(item, field))
        value = getattr(item, field)
        if hasattr(value, "all"):  # another many-to-many
            return ", ".join(str(related) for related in value.all())
        if hasattr(value, "code") and hasattr(value, "name"):  # a django-countries Country: its name, at once
            return str(value.name) if value else ""
        display = getattr(item, f"get_{field}_display", None)
        if display is not None:
            return display()
        return value

    def get_heading(self, queryset, field):
        if field.startswith(ANSWER_PREFIX):
            return str(self.answer_headings[field])
        if field in self.__dict__.get("assessment_headings", {}):
            return str(self.assessment_headings[field])
        return super().get_heading(queryset, field)
