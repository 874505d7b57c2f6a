"""Applications › Assessment criteria: what reviewers score for each kind (coordinators add and edit them).

A criterion that has been scored is not deleted (its scores would lose their meaning): the delete view says
so instead. Renaming it renames it in every assessment, which is what a coordinator fixing a typo wants.
"""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponseRedirect
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import DeleteView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AssessmentCriterion
from ..workspaces import workspace_models

URL_ROOT = "applications"


def kind_label(content_type) -> str:
    model = content_type.model_class()
    return str(model._meta.verbose_name_plural).capitalize() if model else content_type.name


class AssessmentCriterionForm(WagtailAdminModelForm):
    """The kind is one of the workspace's kinds (not any content type)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kinds = ContentType.objects.get_for_models(*workspace_models()).values()
        self.fields["kind"].queryset = ContentType.objects.filter(pk__in=[kind.pk for kind in kinds])
        self.fields["kind"].label_from_instance = kind_label


class CriterionIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().select_related("kind")


class CriterionDeleteView(DeleteView):
    """Refuses to delete a criterion that was scored, with the reason."""

    def post(self, request, *args, **kwargs):
        self.object = self.get_object()
        if self.object.scores.exists():
            messages.error(
                request,
                _("“%(name)s” has been scored in assessments and cannot be deleted; rename it or move it last.")
                % {"name": self.object.name},
            )
            return HttpResponseRedirect(self.get_success_url())
        return super().post(request, *args, **kwargs)


class AssessmentCriterionViewSet(ModelViewSet):
    model = AssessmentCriterion
    name = "assessment_criteria"
    icon = "list-ol"
    menu_label = gettext_lazy("Assessment criteria")
    add_to_admin_menu = False
    copy_view_enabled = False
    inspect_view_enabled = False
    index_view_class = CriterionIndexView
    delete_view_class = CriterionDeleteView
    ordering = ["kind", "sort_order", "pk"]
    list_display = [
        "name",
        Column("kind", label=gettext_lazy("Kind"), accessor=lambda criterion: kind_label(criterion.kind)),
        Column("sort_order", label=gettext_lazy("Order"), sort_key="sort_order"),
        Column("help_text", label=gettext_lazy("Help text")),
    ]
    list_filter = ["kind"]
    search_fields = None

    @cached_property
    def url_prefix(self):
        return f"{URL_ROOT}/assessment-criteria"

    @cached_property
    def panels(self):
        return [
            FieldPanel("kind"),
            FieldPanel("name"),
            FieldPanel("help_text"),
            FieldPanel("sort_order"),
            MultiFieldPanel(
                [FieldRowPanel([FieldPanel(f"label_{score}") for score in range(1, 6)])],
                heading=gettext_lazy("Labels of the scores (leave empty for the defaults)"),
            ),
        ]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=AssessmentCriterionForm).bind_to_model(self.model)
