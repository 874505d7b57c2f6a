"""The workflow plugin's pipeline reports, in the site's words: applications are assigned to clusters."""

from django.utils.translation import gettext_lazy as _

from workflows.admin.report_viewsets import PipelineReportsViewSet
from workflows.reports.build import TargetWording


class ClusterPipelineReports(PipelineReportsViewSet):
    target_wording = TargetWording(
        column=_("Cluster"),
        time_title=_("Time in each state, per cluster"),
        scores_title=_("Mean score per criterion and cluster"),
        scores_chart=_("Per criterion, one bar per cluster on a scale to 5; the table below gives every figure."),
    )
