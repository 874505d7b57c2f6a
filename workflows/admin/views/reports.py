"""The pipeline reports in Wagtail's Reports menu: charts, tables and CSV files from the transition log."""

import csv
from datetime import date, timedelta

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from ...reports.build import TargetWording, all_reports, report_for
from ...reports.scope import REPORTS_PERMISSION, report_scope_for, user_may_see_reports
from ...selectors.staff import application_kinds
from ..spreadsheet import csv_cell

DEFAULT_WEEKS = 12
LONGEST_PERIOD = timedelta(days=2 * 366)
EARLIEST = date(2000, 1, 1)


class ReportPeriodForm(forms.Form):
    """The period (whole days in the site's time zone), the kind, and how the time in each state is grouped."""

    start = forms.DateField(label=gettext_lazy("From"), widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=gettext_lazy("To"), widget=forms.DateInput(attrs={"type": "date"}))
    kind = forms.TypedChoiceField(label=gettext_lazy("Kind"), required=False, coerce=int, empty_value=None)
    time_by = forms.ChoiceField(
        label=gettext_lazy("Time in each state"),
        choices=[("kind", gettext_lazy("per kind")), ("target", gettext_lazy("per assigned page"))],
        initial="kind",
        required=False,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, target_column=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [
            ("", _("All kinds")),
            *[
                (ContentType.objects.get_for_model(kind).pk, str(kind._meta.verbose_name_plural).capitalize())
                for kind in application_kinds()
            ],
        ]
        if target_column is not None:
            self.fields["time_by"].choices = [("kind", _("per kind")), ("target", target_column)]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        latest = timezone.localdate() + timedelta(days=366)
        for name, day in (("start", start), ("end", end)):
            if day and not EARLIEST <= day <= latest:
                self.add_error(name, _("Choose a day from 2000 until a year from today."))
                start = end = None
        if start and end and start > end:
            self.add_error("end", _("The period must end on or after the day it starts."))
        elif start and end and end - start > LONGEST_PERIOD:
            self.add_error("start", _("Choose a period of at most two years."))
        cleaned["time_by"] = cleaned.get("time_by") or "kind"
        return cleaned


def default_period() -> dict:
    today = timezone.localdate()
    return {"start": today - timedelta(weeks=DEFAULT_WEEKS) + timedelta(days=1), "end": today, "time_by": "kind"}


class PipelineReportView(WagtailAdminTemplateMixin, TemplateView):
    """Every report for the period chosen; ``?download=<slug>`` answers one of them as CSV.

    Override point: ``target_wording``, what the reports call the pages applications are assigned to.
    """

    template_name = "workflows/admin/reports/pipeline.html"
    header_icon = "table"
    target_wording = TargetWording()

    def dispatch(self, request, *args, **kwargs):
        if not user_may_see_reports(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self):
        return _("Pipeline")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": "", "label": _("Reports")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get(self, request, *args, **kwargs):
        data = {**default_period(), **{key: value for key, value in request.GET.items() if key in self.form_keys}}
        self.form = ReportPeriodForm(data, target_column=str(self.target_wording.column))
        if self.form.is_valid():
            self.scope = report_scope_for(
                user=request.user,
                start=self.form.cleaned_data["start"],
                end=self.form.cleaned_data["end"],
                kind_id=self.form.cleaned_data["kind"],
            )
            if "download" in request.GET:
                return self.csv_response(request.GET["download"])
        elif "download" in request.GET:
            raise Http404
        return super().get(request, *args, **kwargs)

    form_keys = ("start", "end", "kind", "time_by")

    def csv_response(self, slug: str) -> HttpResponse:
        report = report_for(slug, self.scope, wording=self.target_wording)
        if report is None:
            raise Http404
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        name = f"pipeline-{report.slug}-{self.scope.start.isoformat()}-{self.scope.end.isoformat()}.csv"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        writer = csv.writer(response)
        writer.writerow([csv_cell(str(column)) for column in report.columns])
        for row in report.csv_rows:
            writer.writerow([csv_cell(cell) if isinstance(cell, str) else cell for cell in row])
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = self.form
        context["sees_everything"] = self.request.user.has_perm(REPORTS_PERMISSION)
        if self.form.is_valid():
            query = {key: self.form.data[key] for key in self.form_keys if self.form.data.get(key) not in (None, "")}
            context["reports"] = all_reports(
                self.scope, time_by=self.form.cleaned_data["time_by"], wording=self.target_wording
            )
            context["query"] = query
            context["period"] = (self.scope.start, self.scope.end)
        return context
