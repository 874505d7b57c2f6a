"""Listing columns: the state badge, related pages, and the bulk-selection checkbox.

The reviewers' listing must fit a 1280 px window with Wagtail's sidebar open (a 1080 px content area), so its
columns are compact: short headers that name the column in full on hover and for screen readers
(``full_label``), two facts in one cell where they belong together (a person and their organisation, a city and
its country, the submission date and the last change), and the clusters of an application in one cell.
"""

from datetime import timedelta

from django.utils import formats
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BaseColumn, Column, DateColumn

from ..selectors.related import related_of
from ..specs import state_tone
from .target_titles import target_titles, title_of


class CellInPythonMixin:
    """A cell written out by ``cell_html(context)`` in Python, with the markup its ``cell_template_name`` would
    give: the listing draws 25 rows of ten cells, and a template per cell was most of its time. The template
    stays the reference (and the fallback for a subclass that changes it)."""

    python_cell_template = None

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        if self.cell_template_name != self.python_cell_template:
            return self.cell_template.render(context)
        return self.cell_html(context)


def _td_class(column, base: str = "") -> str:
    return " ".join(part for part in (base, column.classname or "") if part)


def _td(column, content, base: str = ""):
    classes = _td_class(column, base)
    if classes:
        return format_html('<td class="{}">{}</td>', classes, content)
    return format_html("<td>{}</td>", content)


class StateColumn(CellInPythonMixin, Column):
    cell_template_name = python_cell_template = "workflows/admin/cells/state.html"

    def __init__(self, name="state", **kwargs):
        kwargs.setdefault("label", _("State"))
        kwargs.setdefault("sort_key", "state")
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["state"] = instance.state
        context["label"] = instance.get_state_display()
        # The badge always carries the label too, so colour is never the only signal.
        context["tone"] = state_tone(type(instance), instance.state)
        return context

    def cell_html(self, context):
        badge = format_html(
            '<span class="workflow-state workflow-state--{}" data-state="{}">{}</span>',
            context["tone"],
            context["state"],
            context["label"],
        )
        return _td(self, badge)


class CompactHeaderMixin:
    """A header that may be short (``label``, e.g. "Score") and name the column in full (``full_label``, e.g.
    "Mean score") on hover and for screen readers, and may offer a second ordering (``also_sorts``: a
    ``(sort_key, label)`` pair, e.g. the last change under "Submitted"). The listing accepts every key a header
    offers (``SubmissionIndexView.get_valid_orderings``)."""

    header_template_name = "workflows/admin/cells/header.html"

    def __init__(self, *args, full_label=None, also_sorts=None, **kwargs):
        self.full_label = full_label
        self.also_sorts = also_sorts
        super().__init__(*args, **kwargs)

    @property
    def sort_keys(self) -> list[str]:
        return [key for key in (self.sort_key, self.also_sorts and self.also_sorts[0]) if key]

    def get_header_context_data(self, parent_context):
        context = super().get_header_context_data(parent_context)
        table = parent_context["table"]
        links = [(self.sort_key, self.label, self.full_label)]
        if self.also_sorts:
            links.append((*self.also_sorts, None))
        context["sort_links"] = [_sort_link(table, key, label, full_label) for key, label, full_label in links]
        return context


def _sort_link(table, key, label, full_label) -> dict:
    ascending = bool(key) and table.ordering == key
    # Wagtail's own wording (and its translations) for a header's link, naming the column in full.
    title = table.descending_title_text_format if ascending else table.ascending_title_text_format
    return {
        "label": label,
        "full_label": full_label,
        "key": key,
        "ascending": ascending,
        "descending": bool(key) and table.ordering == f"-{key}",
        "next": f"-{key}" if ascending else key,
        "title": title % {"label": full_label or label} if title else "",
    }


class CompactColumn(CellInPythonMixin, CompactHeaderMixin, Column):
    python_cell_template = Column.cell_template_name

    def cell_html(self, context):
        """Wagtail's own cell (``wagtailadmin/tables/cell.html``)."""
        value = context.get("value")
        return _td(self, value if value is not None else "")


class TwoLinesCellMixin:
    """``workflows/admin/cells/two_lines.html``: the main fact, and under it a smaller one (``second``)."""

    cell_template_name = python_cell_template = "workflows/admin/cells/two_lines.html"

    def cell_html(self, context):
        first = (
            format_html('<span class="workflow-two-lines__first">{}</span>', context["value"])
            if context.get("value")
            else ""
        )
        second = context.get("second")
        if second and context.get("second_clamped"):
            second = format_html(
                '<span class="workflow-two-lines__second workflow-clamped" title="{}">{}</span>', second, second
            )
        elif second:
            second = format_html('<span class="workflow-two-lines__second">{}</span>', second)
        return _td(self, format_html("{}{}", first, second or ""), "workflow-two-lines")


class ApplicantColumn(TwoLinesCellMixin, CompactColumn):
    """The applicant's name, and under it their organisation when they gave one (``organisation_field``; none
    when it is empty), shortened to two lines (in full on hover and for screen readers)."""

    def __init__(self, name="applicant_name", *, organisation_field="organisation", **kwargs):
        kwargs.setdefault("label", _("Applicant"))
        kwargs.setdefault("accessor", "applicant_name")
        super().__init__(name, **kwargs)
        self.organisation_field = organisation_field

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["second"] = _organisation(instance, self.organisation_field)
        context["second_clamped"] = True
        return context


def _organisation(submission, organisation_field: str) -> str:
    return (getattr(submission, organisation_field, "") or "").strip() if organisation_field else ""


def applicant_with_organisation(submission, organisation_field: str) -> str:
    organisation = _organisation(submission, organisation_field)
    return f"{submission.applicant_name} ({organisation})" if organisation else submission.applicant_name


class WithCountryColumn(TwoLinesCellMixin, CompactColumn):
    """A text field (a city, a company; sortable) and, under it, the country's name (a django-countries
    field)."""

    def __init__(self, name, *, country_field="country", **kwargs):
        kwargs.setdefault("sort_key", name)
        super().__init__(name, **kwargs)
        self.country_field = country_field

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        country = getattr(instance, self.country_field, None)
        context["second"] = str(country.name) if country else ""
        return context


class ClusterColumn(CompactColumn):
    """The cluster an application is about: the one it is assigned to, else (until it is assigned) the
    clusters of interest, the first one named and the others counted ("+2", named on hover and for screen
    readers), each in the reviewer's admin language where the kind names its pages (``target_titles``: asked once
    per request). The many-to-many field is attached to the listed rows (``related_fields``), not asked per row."""

    cell_template_name = python_cell_template = "workflows/admin/cells/cluster.html"

    def __init__(self, name="assigned_to", *, interest_field, **kwargs):
        kwargs.setdefault("label", _("Cluster"))
        kwargs.setdefault("full_label", _("Assigned cluster; until one is assigned, the clusters of interest"))
        super().__init__(name, **kwargs)
        self.interest_field = interest_field
        self.related_fields = (interest_field,)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        titles = target_titles(type(instance), parent_context.get("request"))
        assigned = instance.assigned_to if getattr(instance, "assigned_to_id", None) else None
        context["assigned"] = title_of(assigned, titles) if assigned is not None else ""
        context["interests"] = (
            []
            if assigned is not None
            else [title_of(item, titles) for item in related_of(instance, self.interest_field)]
        )
        return context

    def cell_html(self, context):
        if context["assigned"]:
            content = format_html('<span class="workflow-two-lines__first">{}</span>', context["assigned"])
        elif context["interests"]:
            first, *others = context["interests"]
            more = ""
            if others:
                more = format_html(
                    '<span class="w-sr-only">{}</span>'
                    '<abbr class="workflow-more" title="{}" aria-hidden="true">+{}</abbr>',
                    format_html_join("", ", {}", ((other,) for other in others)),
                    ", ".join(str(other) for other in others),
                    len(others),
                )
            content = format_html(
                '<span class="workflow-two-lines__second">{}</span><span class="workflow-two-lines__first">{}{}</span>',
                gettext("Interested in:"),
                first,
                more,
            )
        else:
            content = ""
        return _td(self, content, "workflow-two-lines")


class SubmittedColumn(CompactHeaderMixin, DateColumn):
    """When it was submitted and, under it, its last change when that came later; the header sorts by
    either."""

    cell_template_name = "workflows/admin/cells/dates.html"
    #: A change within this long after the submission is the submission itself (its own saves).
    SAME_AS_SUBMISSION = timedelta(minutes=1)

    def __init__(self, name="submitted_at", *, changed_field="updated_at", **kwargs):
        kwargs.setdefault("label", _("Submitted"))
        kwargs.setdefault("sort_key", name)
        kwargs.setdefault("also_sorts", (changed_field, _("Last change")))
        super().__init__(name, **kwargs)
        self.changed_field = changed_field

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        submitted, changed = context["value"], getattr(instance, self.changed_field, None)
        later = changed is not None and (submitted is None or changed - submitted > self.SAME_AS_SUBMISSION)
        context["changed"] = changed if later else None
        return context


class SelectColumn(CellInPythonMixin, BaseColumn):
    """The bulk-selection checkbox Wagtail's ``bulk-actions.js`` reads, carrying the transitions offered on the
    row (``offered(row)``, the listing's own answer), so the footer offers only what a selected row allows."""

    cell_template_name = python_cell_template = "workflows/admin/cells/select.html"
    header_template_name = "workflows/admin/cells/select_header.html"

    def __init__(self, name="select", *, offered=lambda row: [], **kwargs):
        kwargs.setdefault("label", _("Select"))
        super().__init__(name, **kwargs)
        self.offered = offered

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["transitions"] = self.offered(instance)
        return context

    def cell_html(self, context):
        instance = context["instance"]
        return format_html(
            '<td class="bulk-action-checkbox-cell workflow-select"><input type="checkbox" class="bulk-action-checkbox"'
            ' data-bulk-action-checkbox data-object-id="{}" data-transitions="{}" id="workflow-select-{}"'
            ' aria-label="{}"></td>',
            instance.pk,
            " ".join(context["transitions"]),
            instance.pk,
            gettext("Select %(reference)s") % {"reference": instance},
        )


class AssessmentCountColumn(CompactColumn):
    """How many assessments were given in the latest round (the listing annotates ``assessment_count``)."""

    def __init__(self, name="assessment_count", **kwargs):
        kwargs.setdefault("label", _("Assessed"))
        kwargs.setdefault("full_label", _("Assessments given"))
        kwargs.setdefault("sort_key", "assessment_count")
        # None where the user declared a conflict with the row: blank, as its mean.
        kwargs.setdefault("accessor", lambda row: _blank_if_none(getattr(row, "assessment_count", 0)))
        super().__init__(name, **kwargs)


class AssessmentMeanColumn(CompactColumn):
    """The mean score (1–5) of the latest round's assessments, one decimal; empty when none was given."""

    def __init__(self, name="assessment_mean", **kwargs):
        kwargs.setdefault("label", _("Score"))
        kwargs.setdefault("full_label", _("Mean score"))
        kwargs.setdefault("sort_key", "assessment_mean")
        kwargs.setdefault("accessor", lambda row: mean_score_text(getattr(row, "assessment_mean", None)))
        super().__init__(name, **kwargs)


def _blank_if_none(value):
    return "" if value is None else value


def mean_score_text(value) -> str:
    return "" if value is None else formats.number_format(round(value, 1), 1)


class LanguageColumn(CompactColumn):
    """The applicant's language as its short code ("ko"), named in full for screen readers and on hover: the
    listing keeps its width."""

    cell_template_name = python_cell_template = "workflows/admin/cells/language.html"

    def __init__(self, name="language", **kwargs):
        # Short, and not sortable (no sort arrow): the listing is already wide at 1280 px; the filter finds a
        # language, and each cell names it in full for screen readers.
        kwargs.setdefault("label", _("Lang."))
        kwargs.setdefault("full_label", _("Language"))
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["code"] = instance.language
        context["name"] = instance.language_name
        return context

    def cell_html(self, context):
        if not context["code"]:
            return _td(self, "")
        return _td(
            self,
            format_html(
                '<abbr title="{}"><span aria-hidden="true">{}</span><span class="w-sr-only">{}</span></abbr>',
                context["name"],
                context["code"],
                context["name"],
            ),
        )
