"""The reports' figures, counted from the transition log of a pipeline with known timings (see conftest)."""

import datetime

import pytest
import time_machine

from tests.workspace.pipeline_history import END, REPORT_DAY, START, history_fixture  # noqa: F401
from workflows.reports import assessments, pipeline
from workflows.reports.scope import report_scope_for

DAY = 86400


def scope_for(user, start=START, end=END):
    with time_machine.travel(REPORT_DAY, tick=False):
        return report_scope_for(user=user, start=start, end=end)


@pytest.fixture
def everything(history, coordinator):
    return scope_for(coordinator)


def test_each_week_counts_the_states_at_its_end(everything):
    weekly = pipeline.states_by_week(everything)
    assert weekly.weeks == [datetime.date(2026, 3, day) for day in (2, 9, 16, 23)]
    assert weekly.counts["submitted"] == [1, 1, 1, 1]  # C leaves it on the 16th, D arrives on the 20th
    assert weekly.counts["reviewed"] == [1, 0, 1, 1]
    assert weekly.counts["active"] == [0, 1, 1, 1]
    assert weekly.counts["rejected"] == [1, 1, 1, 1]
    assert weekly.counts["assigned"] == [0, 0, 0, 0]


def test_the_last_week_agrees_with_the_applications_states_today(everything):
    weekly = pipeline.states_by_week(everything)
    today = {state: everything.applications.filter(state=state).count() for state in weekly.counts}
    assert {state: series[-1] for state, series in weekly.counts.items()} == today


def test_the_funnel_follows_the_applications_submitted_in_the_period(everything):
    stages = {stage.state: stage for stage in pipeline.funnel(everything)}
    assert [stages[s].reached for s in ("submitted", "reviewed", "assigned", "active")] == [3, 1, 1, 1]
    assert stages["reviewed"].conversion == pytest.approx(1 / 3)
    assert stages["active"].conversion == 1
    assert stages["submitted"].dropped == {"rejected": 1}
    assert stages["reviewed"].dropped == {}


def test_the_time_in_each_state_per_kind_is_the_median_and_90th_percentile(everything):
    durations = {d.state: d for d in pipeline.time_in_state(everything, by="kind")}
    # Stays in "submitted" that ended in March: A 2 days, B 4 days, C 24 days (it began in February).
    assert durations["submitted"].stays == 3
    assert durations["submitted"].median == pytest.approx(4 * DAY)
    assert durations["submitted"].p90 == pytest.approx(20 * DAY)
    assert durations["reviewed"].median == pytest.approx(5 * DAY)
    assert durations["assigned"].median == pytest.approx(1 * DAY)
    assert "active" not in durations  # A is still active: no stay has ended


def test_the_time_in_each_state_per_cluster(everything, clusters):
    submitted = {d.group: d for d in pipeline.time_in_state(everything, by="target") if d.state == "submitted"}
    assert submitted[clusters.mobility.pk].median == pytest.approx(2 * DAY)
    assert submitted[None].stays == 2
    assert submitted[None].median == pytest.approx(14 * DAY)
    assert submitted[None].p90 == pytest.approx(22 * DAY)


def test_assessments_per_reviewer(everything):
    figures = {f.name: f for f in assessments.assessments_by_reviewer(everything)}
    x, y, z = (figures[f"Rev {n}"] for n in "XYZ")
    assert (x.requested, x.given, x.overdue, x.declined) == (1, 1, 0, 0)
    assert (y.requested, y.given, y.overdue, y.declined) == (1, 0, 1, 0)
    assert (z.requested, z.given, z.overdue, z.declined) == (1, 0, 0, 1)


def test_mean_score_per_criterion_and_cluster(everything, clusters, city_criteria):
    means = [(m.criterion, m.target_id, m.mean, m.scores) for m in assessments.mean_scores(everything)]
    assert means == [
        ("Relevance to the cluster", clusters.mobility.pk, 4.0, 1),
        ("Maturity", clusters.mobility.pk, 3.0, 1),
        ("Transferability", clusters.mobility.pk, 5.0, 1),
    ]


def test_a_leader_counts_only_their_clusters_applications(history, leader, other_leader):
    mine = scope_for(leader)
    assert [stage.reached for stage in pipeline.funnel(mine)] == [1, 1, 1, 1]
    weekly = pipeline.states_by_week(mine)
    assert weekly.counts["rejected"] == [0, 0, 0, 0]
    assert weekly.counts["active"] == [0, 1, 1, 1]
    assert {f.name for f in assessments.assessments_by_reviewer(mine)} == {"Rev X"}
    theirs = scope_for(other_leader)
    assert [stage.reached for stage in pipeline.funnel(theirs)] == [0, 0, 0, 0]
    assert pipeline.time_in_state(theirs) == []
    assert assessments.mean_scores(theirs) == []


def test_a_period_before_anything_happened_counts_nothing(history, coordinator):
    scope = scope_for(coordinator, start=datetime.date(2025, 1, 1), end=datetime.date(2025, 1, 31))
    assert all(not any(series) for series in pipeline.states_by_week(scope).counts.values())
    assert [stage.reached for stage in pipeline.funnel(scope)] == [0, 0, 0, 0]
    assert pipeline.time_in_state(scope) == []


@pytest.mark.parametrize("fractions", [[5.0], [1.0, 2.0], [1.0, 2.0, 3.0, 10.0]])
def test_percentiles_interpolate_like_postgresql(fractions):
    assert pipeline.percentile(fractions, 0.5) == pytest.approx(
        fractions[0] if len(fractions) == 1 else (1.5 if len(fractions) == 2 else 2.5)
    )
