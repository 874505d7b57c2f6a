"""The "How applications move" help page: the state machines drawn from their @transition definitions."""

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ...diagram import machine_edges, state_machine_svg, svg_width
from ...models import Application
from ...specs import spec_for
from ...workspaces import user_may_see_any_submissions, workspace_models


def machines() -> list[type]:
    """One model per distinct machine among the registered kinds (application kinds share Application's)."""
    found = []
    for model in workspace_models():
        machine = Application if issubclass(model, Application) else model
        if machine not in found:
            found.append(machine)
    return found or [Application]


def labelled_edges(model) -> list[dict]:
    labels = dict(model._meta.get_field("state").choices)
    return [
        {
            "name": edge.name,
            "label": spec_for(model, edge.name).label,
            "source": labels.get(edge.source, edge.source),
            "target": labels.get(edge.target, edge.target),
        }
        for edge in machine_edges(model)
    ]


class StateDiagramView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "workflows/admin/how_applications_move.html"
    page_title = _("How applications move")
    header_icon = "help"

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_any_submissions(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("How applications move")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        diagrams = [
            {
                "title": model._meta.verbose_name_plural.capitalize(),
                # Safe: state_machine_svg escapes every label and title it writes.
                "svg": mark_safe(  # noqa: S308
                    state_machine_svg(
                        model,
                        title=str(model._meta.verbose_name_plural).capitalize(),
                        id_prefix=f"fsm-{index}",
                    )
                ),
                "edges": labelled_edges(model),
            }
            for index, model in enumerate(machines(), start=1)
        ]
        # One scale for every machine: each takes its share of the widest one's width, and they shrink together.
        widest = max(svg_width(diagram["svg"]) for diagram in diagrams)
        for diagram in diagrams:
            diagram["share"] = f"{100 * svg_width(diagram['svg']) / widest:.2f}"
        context.update(diagrams=diagrams, widest=widest)
        return context
