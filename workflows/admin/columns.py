"""Listing columns: the state badge, related pages, and the bulk-selection checkbox."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BaseColumn, Column

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


def related_of(instance, name: str) -> list:
    attached = getattr(instance, "_attached_related", {})
    return attached[name] if name in attached else list(getattr(instance, name).all())


def attach_related(rows, names) -> None:
    """Give each of ``rows`` the objects of its many-to-many fields ``names`` (read by ``related_of``), in two
    queries per field whatever the rows: the links, then the few distinct objects they point to, each built
    once (a prefetch builds one object per link, which for Wagtail pages is most of a long export's time)."""
    rows = list(rows)
    if not rows:
        return
    model = type(rows[0])
    for row in rows:
        row.__dict__.setdefault("_attached_related", {})
    for name in names:
        field = model._meta.get_field(name)
        own, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        links = list(
            field.remote_field.through._default_manager.filter(**{f"{own}__in": [row.pk for row in rows]})
            .order_by()
            .values_list(own, target)
        )
        related = field.related_model._default_manager.filter(pk__in={target_id for _own, target_id in links})
        order = {item.pk: (position, item) for position, item in enumerate(related)}
        by_row: dict[int, list] = {}
        for own_id, target_id in links:
            if target_id in order:
                by_row.setdefault(own_id, []).append(order[target_id])
        for row in rows:
            row._attached_related[name] = [item for _position, item in sorted(by_row.get(row.pk, []), key=_first)]


def _first(pair):
    return pair[0]


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
