"""Listing columns: the state badge, related pages, and the bulk-selection checkbox."""

from django.utils import formats
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BaseColumn, Column

from ..selectors.related import related_of
from ..specs import state_tone


class StateColumn(Column):
    cell_template_name = "workflows/admin/cells/state.html"

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


class RelatedTitlesColumn(Column):
    """The titles of a many-to-many (e.g. the clusters of interest), comma separated: those the listing attached
    to the row (``attach_related``), else the field's ``all()`` (prefetch it)."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("accessor", lambda instance: ", ".join(str(item) for item in related_of(instance, name)))
        super().__init__(name, **kwargs)


class ApplicantColumn(Column):
    """The applicant's name, then their organisation in brackets when they gave one (none when
    ``organisation_field`` is empty, e.g. because the organisation has a column of its own)."""

    def __init__(self, name="applicant_name", *, organisation_field="organisation", **kwargs):
        kwargs.setdefault("label", _("Applicant"))
        kwargs.setdefault("accessor", lambda row: applicant_with_organisation(row, organisation_field))
        super().__init__(name, **kwargs)


def applicant_with_organisation(submission, organisation_field: str) -> str:
    organisation = (getattr(submission, organisation_field, "") or "").strip() if organisation_field else ""
    return f"{submission.applicant_name} ({organisation})" if organisation else submission.applicant_name


class SelectColumn(BaseColumn):
    """The bulk-selection checkbox Wagtail's ``bulk-actions.js`` reads, carrying the transitions offered on the
    row (``offered(row)``, the listing's own answer), so the footer offers only what a selected row allows."""

    cell_template_name = "workflows/admin/cells/select.html"
    header_template_name = "workflows/admin/cells/select_header.html"

    def __init__(self, name="select", *, offered=lambda row: [], **kwargs):
        kwargs.setdefault("label", _("Select"))
        super().__init__(name, **kwargs)
        self.offered = offered

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["transitions"] = self.offered(instance)
        return context


class AssessmentCountColumn(Column):
    """How many assessments were given in the latest round (the listing annotates ``assessment_count``)."""

    def __init__(self, name="assessment_count", **kwargs):
        kwargs.setdefault("label", _("Assessed"))
        kwargs.setdefault("sort_key", "assessment_count")
        kwargs.setdefault("accessor", lambda row: getattr(row, "assessment_count", 0))
        super().__init__(name, **kwargs)


class AssessmentMeanColumn(Column):
    """The mean score (1–5) of the latest round's assessments, one decimal; empty when none was given."""

    def __init__(self, name="assessment_mean", **kwargs):
        kwargs.setdefault("label", _("Score"))
        kwargs.setdefault("sort_key", "assessment_mean")
        kwargs.setdefault("accessor", lambda row: mean_score_text(getattr(row, "assessment_mean", None)))
        super().__init__(name, **kwargs)


def mean_score_text(value) -> str:
    return "" if value is None else formats.number_format(round(value, 1), 1)


class LanguageColumn(Column):
    """The applicant's language as its short code ("ko"), named in full for screen readers and on hover: the
    listing keeps its width."""

    cell_template_name = "workflows/admin/cells/language.html"

    def __init__(self, name="language", **kwargs):
        # Short, and not sortable (no sort arrow): the listing is already wide at 1280 px; the filter finds a
        # language, and each cell names it in full for screen readers.
        kwargs.setdefault("label", _("Lang."))
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["code"] = instance.language
        context["name"] = instance.language_name
        return context
