"""The pipeline reports' viewset, for Wagtail's Reports menu. A site registers it (or a subclass that words the
assigned pages its own way) in its ``wagtail_hooks.py``::

    class ClusterPipelineReports(PipelineReportsViewSet):
        target_wording = TargetWording(column=_("Cluster"), ...)

    @hooks.register("register_admin_viewset")
    def register_pipeline_reports():
        return ClusterPipelineReports()
"""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.base import ViewSet

from ..reports.build import TargetWording
from ..reports.scope import user_may_see_reports
from .views.reports import PipelineReportView


class ReportsMenuItem(MenuItem):
    def is_shown(self, request):
        return user_may_see_reports(request.user)


class PipelineReportsViewSet(ViewSet):
    """The "Pipeline" report: for coordinators (the reports permission) and, on their targets only, leaders."""

    name = "pipeline_reports"
    url_prefix = "reports/pipeline"
    menu_label = _("Pipeline")
    menu_icon = "table"
    menu_item_class = ReportsMenuItem
    menu_hook = "register_reports_menu_item"
    view_class = PipelineReportView
    target_wording = TargetWording()

    @cached_property
    def menu_url(self):
        return reverse(self.get_url_name("index"))

    def get_urlpatterns(self):
        return [path("", self.view_class.as_view(target_wording=self.target_wording), name="index")]
