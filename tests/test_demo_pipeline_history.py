"""The demo has a past: its submissions spread over months with their steps in order, and the demo reviewer's
assessments given, awaited and overdue, so a coordinator's pipeline reports and the reviewer's digest show
something on a fresh demo site."""

from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from home.demo.submissions_data import DEMO_DOMAIN
from workflows.digest import assessments_section
from workflows.models import Application, Assessment, TransitionLog
from workflows.reports.assessments import assessments_by_reviewer
from workflows.reports.pipeline import funnel, states_by_week, time_in_state
from workflows.reports.scope import report_scope_for
from workflows.selectors.records import records_filter

from .test_load_initial_data import two_runs  # noqa: F401 - the fixture: the demo loaded twice

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("two_runs")]


def demo_applications():
    return Application.objects.filter(applicant_email__endswith=f"@{DEMO_DOMAIN}")


def test_the_demo_submissions_span_nine_months_and_each_ones_steps_follow_in_order():
    now = timezone.now()
    dates = sorted(demo_applications().values_list("submitted_at", flat=True))
    assert now - dates[0] > timedelta(days=200)
    assert now - dates[-1] >= timedelta(days=19)
    for application in demo_applications():
        stamps = list(
            TransitionLog.objects.filter(**records_filter(application))
            .order_by("pk")
            .values_list("timestamp", flat=True)
        )
        assert stamps == sorted(stamps), application.reference
        assert application.submitted_at <= stamps[0] and stamps[-1] < now, application.reference


def test_the_coordinators_reports_over_a_year_show_weeks_a_funnel_and_time_in_each_state():
    coordinator = get_user_model().objects.get(username="coordinator")
    today = timezone.localdate()
    scope = report_scope_for(user=coordinator, start=today - timedelta(days=365), end=today)
    weekly = states_by_week(scope)
    busy_weeks = [week for week, *counts in zip(weekly.weeks, *weekly.counts.values(), strict=True) if any(counts)]
    assert len(busy_weeks) > 30
    stages = {stage.state: stage.reached for stage in funnel(scope)}
    assert stages["submitted"] > stages["reviewed"] > stages["assigned"] > stages["active"] > 0
    durations = time_in_state(scope)
    assert durations and all(row.median > 24 * 3600 for row in durations)


def test_the_demo_reviewer_has_assessments_given_awaited_and_overdue_and_a_digest_about_them():
    reviewer = get_user_model().objects.get(username="reviewer")
    coordinator = get_user_model().objects.get(username="coordinator")
    today = timezone.localdate()
    assert Assessment.objects.filter(reviewer=reviewer).count() == 4
    scope = report_scope_for(user=coordinator, start=today - timedelta(days=365), end=today)
    (figures,) = assessments_by_reviewer(scope)
    assert (figures.requested, figures.given, figures.overdue, figures.declined) == (4, 2, 1, 0)

    section = assessments_section(user=reviewer, today=today)
    texts = [item.text for item in section.items]
    assert len(texts) == 2 and "overdue" in texts[0] and "overdue" not in texts[1]
    assert all("/admin/" in item.url for item in section.items)
