"""The admin home's "Applications" panel: counts per state per kind, and what awaits this user."""

from urllib.parse import urlencode

from django.urls import reverse
from wagtail.admin.ui.components import Component

from ..selectors import submissions_visible_to
from ..selectors.assessment_requests import overdue_rows_q
from ..selectors.assessments import awaiting_assessment_q
from ..selectors.counts import rows_per_state
from ..services.drafts import open_drafts_per_form
from ..specs import state_tone
from ..workspaces import user_may_see_any_submissions, workspace_viewsets
from .actions import awaiting_action_q

AWAITING_SHOWN = 5


class ApplicationsPanel(Component):
    name = "workflow_applications"
    order = 90
    template_name = "workflows/admin/dashboard_panel.html"

    def __init__(self, request):
        self.request = request

    class Media:
        css = {"all": ["workflows/workspace.css"]}

    def kind_summary(self, viewset) -> dict:
        user = self.request.user
        model = viewset.model
        visible = submissions_visible_to(user=user, queryset=model._default_manager.all())
        counts = rows_per_state(visible)
        index_url = reverse(viewset.get_url_name("index"))
        peak = max(counts.values(), default=0) or 1
        states = [
            {
                "value": value,
                "label": label,
                "count": counts.get(value, 0),
                "percent": round(100 * counts.get(value, 0) / peak),
                "tone": state_tone(model, value),
                "url": f"{index_url}?{urlencode({'state': value})}",
            }
            for value, label in model._meta.get_field("state").choices
        ]
        awaiting = visible.filter(awaiting_action_q(model=model, user=user)).order_by("submitted_at")
        awaiting_rows = list(awaiting[: AWAITING_SHOWN + 1])
        assess = set(
            model._default_manager.filter(pk__in=[row.pk for row in awaiting_rows])
            .filter(awaiting_assessment_q(model=model, user=user))
            .values_list("pk", flat=True)
        )
        overdue = set(
            model._default_manager.filter(pk__in=[row.pk for row in awaiting_rows])
            .filter(overdue_rows_q(model))
            .values_list("pk", flat=True)
        )
        return {
            "label": model._meta.verbose_name_plural.capitalize(),
            "total": sum(counts.values()),
            "states": states,
            "awaiting": [
                {**self.awaiting_row(viewset, row, assess), "overdue": row.pk in overdue}
                for row in awaiting_rows[:AWAITING_SHOWN]
            ],
            "awaiting_count": awaiting.count() if len(awaiting_rows) > AWAITING_SHOWN else len(awaiting_rows),
            "awaiting_url": f"{index_url}?awaiting_my_action=true",
        }

    @staticmethod
    def awaiting_row(viewset, row, assess: set[int]) -> dict:
        """A row awaiting this user: its assessment form when that is what awaits, else its inspect page."""
        if row.pk in assess:
            return {
                "reference": str(row),
                "url": reverse(viewset.get_url_name("assessment"), args=(row.pk,)),
                "assessment": True,
            }
        return {"reference": str(row), "url": reverse(viewset.get_url_name("inspect"), args=(row.pk,))}

    def get_context_data(self, parent_context):
        return {
            "kinds": [self.kind_summary(viewset) for viewset in workspace_viewsets()],
            "open_drafts": open_drafts_per_form(),
        }


def add_applications_panel(request, panels) -> None:
    """For the ``construct_homepage_panels`` hook: only users who may see applications get the panel."""
    if workspace_viewsets() and user_may_see_any_submissions(request.user):
        panels.append(ApplicationsPanel(request))
