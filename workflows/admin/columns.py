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
    """The titles of a prefetched many-to-many (e.g. the clusters of interest), comma separated."""

    def __init__(self, name, **kwargs):
        kwargs.setdefault("accessor", lambda instance: ", ".join(page.title for page in getattr(instance, name).all()))
        super().__init__(name, **kwargs)


class SelectColumn(BaseColumn):
    """A checkbox bound to the bulk-action form (by its ``form`` attribute), carrying the state the user saw."""

    cell_template_name = "workflows/admin/cells/select.html"
    header_template_name = "workflows/admin/cells/select_header.html"

    def __init__(self, name="select", **kwargs):
        kwargs.setdefault("label", _("Select"))
        super().__init__(name, **kwargs)
