"""Each report as a chart, a table and CSV rows, from the same figures."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.formats import date_format, number_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.models import Page

from ..models import ApplicationState
from . import assessments, pipeline
from .charts import BarGroup, BarRow, Line, bar_chart, legend_swatch, line_chart
from .scope import ReportScope

DAY = 86400


@dataclass(frozen=True)
class TargetWording:
    """What the reports call the pages applications are assigned to; a site says its own (e.g. "cluster")."""

    column: str = gettext_lazy("Assigned to")
    time_title: str = gettext_lazy("Time in each state, per assigned page")
    scores_title: str = gettext_lazy("Mean score per criterion and assigned page")
    scores_chart: str = gettext_lazy(
        "Per criterion, one bar per assigned page on a scale to 5; the table below gives every figure."
    )


@dataclass
class Report:
    """One report: ``slug`` names its CSV download; ``rows`` are what the table shows, ``csv_rows`` the same
    figures unformatted."""

    slug: str
    title: str
    description: str
    chart: str  # SVG, escaped where written
    columns: list[str]
    rows: list[list[str]]
    csv_rows: list[list]
    legend: list[tuple[str, str]] | None = None  # (swatch SVG, label)
    empty: bool = False


def state_label(state: str) -> str:
    try:
        return str(ApplicationState(state).label)
    except ValueError:
        return state


def kind_label(kind_id: int) -> str:
    model = ContentType.objects.get_for_id(kind_id).model_class()
    return str(model._meta.verbose_name_plural).capitalize() if model else str(kind_id)


def target_labels(ids) -> dict:
    titles = dict(Page.objects.filter(pk__in=[pk for pk in ids if pk is not None]).values_list("pk", "title"))
    return {pk: titles.get(pk, _("Not assigned") if pk is None else str(pk)) for pk in ids}


def _days(seconds: float) -> float:
    return round(seconds / DAY, 2)


def _percent(fraction: float | None) -> str:
    return "" if fraction is None else f"{number_format(round(fraction * 100))}%"


def states_report(scope: ReportScope) -> Report:
    weekly = pipeline.states_by_week(scope)
    states = list(ApplicationState.values)
    labels = [date_format(week, "SHORT_DATE_FORMAT") for week in weekly.weeks]
    chart = line_chart(
        x_labels=labels,
        lines=[Line(label=state_label(state), values=weekly.counts[state], series=i) for i, state in enumerate(states)],
        title=_("Applications per state, week by week"),
        description=_("One line per state; the table below gives every figure."),
        id_prefix="report-states",
    )
    columns = [_("Week of"), *[state_label(state) for state in states]]
    rows, csv_rows = [], []
    for index, week in enumerate(weekly.weeks):
        counts = [weekly.counts[state][index] for state in states]
        rows.append([labels[index], *[number_format(n) for n in counts]])
        csv_rows.append([week.isoformat(), *counts])
    return Report(
        slug="states",
        title=_("Applications per state, week by week"),
        description=_(
            "How many applications were in each state at the end of each week (the last: at the end of the period)."
        ),
        chart=mark_safe(chart),  # noqa: S308 - charts escape every text they write
        columns=columns,
        rows=rows,
        csv_rows=csv_rows,
        legend=[(mark_safe(legend_swatch(i)), state_label(state)) for i, state in enumerate(states)],  # noqa: S308
        empty=not any(any(series) for series in weekly.counts.values()),
    )


def _funnel_bars(stages) -> list[BarGroup]:
    """One bar per stage: how many reached it, with the share of the previous stage."""
    return [
        BarGroup(
            heading="",
            rows=[
                BarRow(
                    label=state_label(stage.state),
                    value=stage.reached,
                    text=number_format(stage.reached)
                    + (f" ({_percent(stage.conversion)})" if stage.conversion is not None else ""),
                    series=index,
                )
                for index, stage in enumerate(stages)
            ],
        )
    ]


def funnel_report(scope: ReportScope) -> Report:
    stages = pipeline.funnel(scope)
    sides = list(pipeline.SIDE_STATES)
    groups = _funnel_bars(stages)
    columns = [
        _("Stage"),
        _("Applications that reached it"),
        _("Of the previous stage"),
        *[_("Left it for: %(state)s") % {"state": state_label(side)} for side in sides],
    ]
    rows = [
        [
            state_label(stage.state),
            number_format(stage.reached),
            _percent(stage.conversion),
            *[number_format(stage.dropped.get(side, 0)) for side in sides],
        ]
        for stage in stages
    ]
    csv_rows = [
        [
            stage.state,
            stage.reached,
            "" if stage.conversion is None else round(stage.conversion, 4),
            *[stage.dropped.get(side, 0) for side in sides],
        ]
        for stage in stages
    ]
    return Report(
        slug="funnel",
        title=_("From submitted to active"),
        description=_(
            "Of the applications submitted in the period, how many reached each stage, what share of the previous "
            "stage that is, and how many left each stage for a side state."
        ),
        chart=mark_safe(  # noqa: S308 - charts escape every text they write
            bar_chart(
                groups=groups,
                title=_("From submitted to active"),
                description=_("One bar per stage; the table below gives every figure."),
                id_prefix="report-funnel",
            )
        ),
        columns=columns,
        rows=rows,
        csv_rows=csv_rows,
        empty=not stages or stages[0].reached == 0,
    )


def durations_report(scope: ReportScope, *, by: str, wording: TargetWording = TargetWording()) -> Report:
    durations = pipeline.time_in_state(scope, by=by)
    if by == "kind":
        names = {d.group: kind_label(d.group) for d in durations}
        group_column = _("Kind")
    else:
        names = target_labels({d.group for d in durations})
        group_column = str(wording.column)
    groups: dict[str, BarGroup] = {}
    order = sorted(names, key=lambda key: (key is None, str(names[key]).casefold()))
    series = {key: index for index, key in enumerate(order)}
    for d in durations:
        heading = state_label(d.state)
        group = groups.setdefault(heading, BarGroup(heading=heading))
        group.rows.append(
            BarRow(
                label=names[d.group],
                value=_days(d.median),
                marker=_days(d.p90),
                text=_("%(median)s d · 90%%: %(p90)s d")
                % {"median": number_format(_days(d.median), 1), "p90": number_format(_days(d.p90), 1)},
                series=series[d.group],
            )
        )
    columns = [_("State"), group_column, _("Stays"), _("Median (days)"), _("90th percentile (days)")]
    rows = [
        [
            state_label(d.state),
            names[d.group],
            number_format(d.stays),
            number_format(_days(d.median), 1),
            number_format(_days(d.p90), 1),
        ]
        for d in durations
    ]
    csv_rows = [[d.state, names[d.group], d.stays, _days(d.median), _days(d.p90)] for d in durations]
    title = _("Time in each state, per kind") if by == "kind" else str(wording.time_title)
    return Report(
        slug=f"time-per-{by}",
        title=title,
        description=_(
            "Stays in a state that ended in the period: the median and the 90th percentile, in days. The bar is the "
            "median, the black tick the 90th percentile."
        ),
        chart=mark_safe(  # noqa: S308 - charts escape every text they write
            bar_chart(
                groups=list(groups.values()),
                title=title,
                description=_("Per state, one bar per group; the table below gives every figure."),
                id_prefix=f"report-time-per-{by}",
            )
        ),
        columns=columns,
        rows=rows,
        csv_rows=csv_rows,
        empty=not durations,
    )


def reviewers_report(scope: ReportScope) -> Report:
    figures = assessments.assessments_by_reviewer(scope)
    measures = [
        ("requested", _("Requested")),
        ("given", _("Given")),
        ("overdue", _("Overdue")),
        ("declined", _("Declined")),
    ]
    unknown = _("Account deleted")
    groups = [
        BarGroup(
            heading=figure.name or unknown,
            rows=[
                BarRow(label=label, value=getattr(figure, key), text=number_format(getattr(figure, key)), series=i)
                for i, (key, label) in enumerate(measures)
            ],
        )
        for figure in figures
    ]
    columns = [_("Reviewer"), *[label for _key, label in measures]]
    rows = [
        [figure.name or unknown, *[number_format(getattr(figure, key)) for key, _l in measures]] for figure in figures
    ]
    csv_rows = [[figure.name or unknown, *[getattr(figure, key) for key, _l in measures]] for figure in figures]
    return Report(
        slug="reviewers",
        title=_("Assessments per reviewer"),
        description=_("Assessments requested in the period: how many were given, are overdue today, or were declined."),
        chart=mark_safe(  # noqa: S308 - charts escape every text they write
            bar_chart(
                groups=groups,
                title=_("Assessments per reviewer"),
                description=_("Per reviewer, one bar each for requested, given, overdue and declined."),
                id_prefix="report-reviewers",
            )
        ),
        columns=columns,
        rows=rows,
        csv_rows=csv_rows,
        legend=[(mark_safe(legend_swatch(i)), label) for i, (_key, label) in enumerate(measures)],  # noqa: S308
        empty=not figures,
    )


def scores_report(scope: ReportScope, *, wording: TargetWording = TargetWording()) -> Report:
    means = assessments.mean_scores(scope)
    targets = target_labels({mean.target_id for mean in means})
    several_kinds = len({mean.kind_id for mean in means}) > 1
    order = sorted(targets, key=lambda key: (key is None, str(targets[key]).casefold()))
    series = {key: index for index, key in enumerate(order)}

    def criterion_name(mean):
        return f"{mean.criterion} ({kind_label(mean.kind_id)})" if several_kinds else mean.criterion

    groups: dict[int, BarGroup] = {}
    for mean in means:
        group = groups.setdefault(mean.criterion_id, BarGroup(heading=criterion_name(mean)))
        group.rows.append(
            BarRow(
                label=targets[mean.target_id],
                value=mean.mean,
                text=_("%(mean)s of 5 (%(count)s)")
                % {"mean": number_format(mean.mean, 2), "count": number_format(mean.scores)},
                series=series[mean.target_id],
            )
        )
    columns = [_("Criterion"), str(wording.column), _("Mean score"), _("Scores")]
    rows = [[criterion_name(m), targets[m.target_id], number_format(m.mean, 2), number_format(m.scores)] for m in means]
    csv_rows = [[criterion_name(m), targets[m.target_id], round(m.mean, 2), m.scores] for m in means]
    return Report(
        slug="scores",
        title=str(wording.scores_title),
        description=_("The scores of the assessments given in the period, from 1 to 5."),
        chart=mark_safe(  # noqa: S308 - charts escape every text they write
            bar_chart(
                groups=list(groups.values()),
                maximum=5,
                title=str(wording.scores_title),
                description=str(wording.scores_chart),
                id_prefix="report-scores",
            )
        ),
        columns=columns,
        rows=rows,
        csv_rows=csv_rows,
        empty=not means,
    )


def report_for(slug: str, scope: ReportScope, *, wording: TargetWording = TargetWording()) -> Report | None:
    """The report ``slug`` names (its CSV download's name), or None."""
    if slug == "states":
        return states_report(scope)
    if slug == "funnel":
        return funnel_report(scope)
    if slug in ("time-per-kind", "time-per-target"):
        return durations_report(scope, by=slug.removeprefix("time-per-"), wording=wording)
    if slug == "reviewers":
        return reviewers_report(scope)
    if slug == "scores":
        return scores_report(scope, wording=wording)
    return None


def all_reports(scope: ReportScope, *, time_by: str = "kind", wording: TargetWording = TargetWording()) -> list[Report]:
    return [
        states_report(scope),
        funnel_report(scope),
        durations_report(scope, by=time_by, wording=wording),
        reviewers_report(scope),
        scores_report(scope, wording=wording),
    ]
