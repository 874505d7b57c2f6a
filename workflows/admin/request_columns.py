"""The listing's column of overdue assessment requests (the listing annotates ``assessments_overdue``)."""

from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .columns import CompactColumn, _td


class OverdueColumn(CompactColumn):
    """How many of the row's requests are past their due date and still awaited; empty when none."""

    def __init__(self, name="assessments_overdue", **kwargs):
        kwargs.setdefault("label", _("Late"))
        kwargs.setdefault("full_label", _("Requests past their due date"))
        kwargs.setdefault("sort_key", "assessments_overdue")
        kwargs.setdefault("accessor", lambda row: getattr(row, "assessments_overdue", 0))
        super().__init__(name, **kwargs)

    def cell_html(self, context):
        count = int(context["value"] or 0)
        if not count:
            return _td(self, "")
        text = ngettext("%(count)s assessment overdue", "%(count)s assessments overdue", count) % {"count": count}
        return _td(
            self,
            format_html(
                '<span class="workflow-overdue" data-overdue="{}"><span aria-hidden="true">{}</span>'
                '<span class="w-sr-only">{}</span></span>',
                count,
                count,
                text,
            ),
        )
