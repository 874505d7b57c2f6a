"""The listing's column of overdue assessment requests (the listing annotates ``assessments_overdue``)."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .columns import CompactColumn, _td


class OverdueColumn(CompactColumn):
    """How many of the row's requests are past their due date and still awaited; empty when none."""

    cell_template_name = python_cell_template = "workflows/admin/cells/overdue.html"

    def __init__(self, name="assessments_overdue", **kwargs):
        kwargs.setdefault("label", _("Late"))
        kwargs.setdefault("full_label", _("Requests past their due date"))
        kwargs.setdefault("sort_key", "assessments_overdue")
        super().__init__(name, **kwargs)

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        count = int(getattr(instance, "assessments_overdue", 0) or 0)
        context["count"] = count
        context["text"] = (
            ngettext("%(count)s assessment overdue", "%(count)s assessments overdue", count) % {"count": count}
            if count
            else ""
        )
        return context

    def cell_html(self, context):
        if not context["count"]:
            return _td(self, "")
        return _td(
            self,
            format_html(
                '<span class="workflow-overdue" data-overdue="{}"><span aria-hidden="true">{}</span>'
                '<span class="w-sr-only">{}</span></span>',
                context["count"],
                context["count"],
                context["text"],
            ),
        )
