"""The pipeline from the transition log: states week by week, the funnel, and the time spent in each state.

Every figure is read from ``TransitionLog`` rows (one per submission and per transition): a row *enters* its
``to_state`` and *leaves* its ``from_state``, and a stay in a state lasts from the row that entered it to the
application's next row.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.db import connection
from django.db.models import Case, Count, DateField, F, Value, When
from django.db.models.functions import TruncWeek

from ..models import Application, ApplicationState, TransitionLog
from .scope import ReportScope

S = ApplicationState

#: The main path an application takes, and the side states it can leave it for.
FUNNEL_STAGES = (S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE)
SIDE_STATES = (S.CHANGES_REQUESTED, S.REJECTED, S.WITHDRAWN)


def log_rows(scope: ReportScope, applications=None):
    """The log rows of the scope's applications (or of ``applications``, a narrower queryset)."""
    applications = scope.applications if applications is None else applications
    return TransitionLog.objects.filter(content_type_id__in=scope.kind_ids, object_id__in=applications.values("pk"))


def week_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


# -- applications per state, week by week -----------------------------------------------------------------


@dataclass
class WeeklyStates:
    """How many applications were in each state at the end of each week (the last: at the end of the period)."""

    weeks: list[date]
    counts: dict[str, list[int]]


def states_by_week(scope: ReportScope) -> WeeklyStates:
    """Counted from entries and departures: two grouped queries, whatever the number of weeks."""
    weeks = []
    week = week_of(scope.start)
    while week <= scope.end:
        weeks.append(week)
        week += timedelta(days=7)
    rows = log_rows(scope).filter(timestamp__lt=scope.end_before)
    bucket = Case(
        When(timestamp__lt=scope.start_at, then=Value(None, output_field=DateField())),
        default=TruncWeek("timestamp", output_field=DateField()),
        output_field=DateField(),
    )
    changes: dict[str, dict[date | None, int]] = defaultdict(lambda: defaultdict(int))
    entered = rows.values(moved=F("to_state"), week=bucket).annotate(n=Count("pk")).order_by()
    left = rows.exclude(from_state="").values(moved=F("from_state"), week=bucket).annotate(n=Count("pk")).order_by()
    for row in entered:
        changes[row["moved"]][_as_date(row["week"])] += row["n"]
    for row in left:
        changes[row["moved"]][_as_date(row["week"])] -= row["n"]
    counts = {}
    for state in S.values:
        running = changes[state].get(None, 0)
        series = []
        for week in weeks:
            running += changes[state].get(week, 0)
            series.append(running)
        counts[state] = series
    return WeeklyStates(weeks=weeks, counts=counts)


def _as_date(week):
    """PostgreSQL answers the truncated week inside the CASE as a (naive, local) timestamp, SQLite as a date."""
    return week.date() if isinstance(week, datetime) else week


# -- the funnel -------------------------------------------------------------------------------------------


@dataclass
class FunnelStage:
    state: str
    reached: int
    conversion: float | None  # of the previous stage's; None for the first
    dropped: dict[str, int] = field(default_factory=dict)  # side state → applications that left this stage for it


def funnel(scope: ReportScope) -> list[FunnelStage]:
    """Of the applications submitted in the period, how many ever reached each stage of the main path, and how
    many left each stage for a side state (an application counts once per stage and side state)."""
    cohort = scope.applications.filter(submitted_at__gte=scope.start_at, submitted_at__lt=scope.end_before)
    rows = log_rows(scope, cohort)
    reached = dict(
        rows.filter(to_state__in=FUNNEL_STAGES)
        .values_list("to_state")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
    )
    dropped = defaultdict(dict)
    for from_state, to_state, n in (
        rows.filter(from_state__in=FUNNEL_STAGES, to_state__in=SIDE_STATES)
        .values_list("from_state", "to_state")
        .annotate(n=Count("object_id", distinct=True))
        .order_by()
    ):
        dropped[from_state][to_state] = n
    stages, previous = [], None
    for state in FUNNEL_STAGES:
        count = reached.get(state, 0)
        conversion = None if previous is None else (count / previous if previous else 0.0)
        stages.append(FunnelStage(state=state, reached=count, conversion=conversion, dropped=dropped[state]))
        previous = count
    return stages


# -- time spent in each state ----------------------------------------------------------------------------


@dataclass
class StateDurations:
    state: str
    group: int | None  # a kind's content type id, or a target page's id (None: not assigned)
    stays: int
    median: float  # seconds
    p90: float


GROUPINGS = ("kind", "target")


def time_in_state(scope: ReportScope, *, by: str = "kind") -> list[StateDurations]:
    """The median and 90th percentile of the stays in each state that ended in the period, per kind (``by="kind"``)
    or per target page (``by="target"``, the application's current one).

    PostgreSQL computes the percentiles (``percentile_cont``); other databases return the stays' durations and
    the same interpolation is done here.
    """
    sql, params = _stays_sql(scope, by=by)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT state, grp, COUNT(*), percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds), "  # noqa: S608
                f"percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds) FROM ({sql}) stays GROUP BY state, grp",
                params,
            )
            found = [
                StateDurations(state=state, group=group, stays=n, median=float(median), p90=float(p90))
                for state, group, n, median, p90 in cursor.fetchall()
            ]
        else:
            cursor.execute(sql, params)
            durations = defaultdict(list)
            for state, group, seconds in cursor.fetchall():
                durations[state, group].append(float(seconds))
            found = []
            for (state, group), values in durations.items():
                values.sort()
                found.append(
                    StateDurations(
                        state=state,
                        group=group,
                        stays=len(values),
                        median=percentile(values, 0.5),
                        p90=percentile(values, 0.9),
                    )
                )
    order = {state: index for index, state in enumerate(S.values)}
    return sorted(found, key=lambda d: (order.get(d.state, len(order)), d.group is None, d.group or 0))


def percentile(ordered: list[float], fraction: float) -> float:
    """Linear interpolation between the closest ranks, as PostgreSQL's ``percentile_cont``."""
    position = fraction * (len(ordered) - 1)
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _stays_sql(scope: ReportScope, *, by: str) -> tuple[str, list]:
    """(state, group, seconds) of every stay that ended in the period.

    The window runs over all the log rows of the applications that have a row in the period (a stay ending in
    it is followed by one), so a stay that began long before is measured whole.
    """
    quote = connection.ops.quote_name
    log, app = quote(TransitionLog._meta.db_table), quote(Application._meta.db_table)
    if by == "kind":
        group_expression = "l." + quote(TransitionLog._meta.get_field("content_type").column)
    else:
        group_expression = "a." + quote(Application._meta.get_field("assigned_to").column)
    stamp = quote("timestamp")
    applications_sql, applications_params = scope.applications.values("pk").query.sql_with_params()
    if connection.vendor == "postgresql":
        seconds = "EXTRACT(EPOCH FROM (s.left_at - s.entered))"
    else:
        seconds = "(julianday(s.left_at) - julianday(s.entered)) * 86400.0"
    kinds = ", ".join(["%s"] * len(scope.kind_ids)) or "NULL"
    # Only quoted table and column names and placeholders are put in; every value is a parameter.
    sql = f"""
        SELECT s.state, s.grp, {seconds} AS seconds FROM (
            SELECT l.to_state AS state, {group_expression} AS grp, l.{stamp} AS entered,
                   LEAD(l.{stamp}) OVER (PARTITION BY l.object_id ORDER BY l.{stamp}, l.id) AS left_at
            FROM {log} l JOIN {app} a ON a.id = l.object_id AND a.kind_id = l.content_type_id
            WHERE l.content_type_id IN ({kinds})
              AND l.object_id IN ({applications_sql})
              AND l.object_id IN (
                  SELECT m.object_id FROM {log} m
                  WHERE m.content_type_id IN ({kinds}) AND m.{stamp} >= %s AND m.{stamp} < %s
              )
        ) s
        WHERE s.left_at >= %s AND s.left_at < %s
    """  # noqa: S608
    period = [connection.ops.adapt_datetimefield_value(moment) for moment in (scope.start_at, scope.end_before)]
    params = [*scope.kind_ids, *applications_params, *scope.kind_ids, *period, *period]
    return sql, params
