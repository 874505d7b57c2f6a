"""The demo pipeline's past: the demo submissions spread over the last nine months (so the pipeline reports have
weeks, a funnel and times in each state to show), and the demo reviewer's assessments (given, awaited and overdue:
what the reports' assessment tables, the "assessment overdue" filter and the daily digest show)."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cluster_pages.models import CityApplication
from workflows.models import Assessment, Recommendation, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services.assessments import assessment_give, assessments_request, criteria_for

from .applications import MODELS
from .report import LoadReport
from .submissions_data import DEMO_DOMAIN

#: The first demo submission is dated this many days back, each later one this many days earlier again.
NEWEST_DAYS_AGO = 20
DAYS_BETWEEN_SUBMISSIONS = 17
LONGEST_STEP_DAYS = 14


def _demo_submissions():
    """The demo's submissions of every kind (its applicants' addresses are at the demo domain), oldest first."""
    found = []
    for model in MODELS.values():
        found += model._default_manager.filter(applicant_email__endswith=f"@{DEMO_DOMAIN}")
    return sorted(found, key=lambda submission: (submission.submitted_at, submission.pk))


def demo_history_spread(*, report: LoadReport) -> None:
    """Date each demo submission made in the last day back: the newest 20 days ago, the oldest about nine months,
    its logged steps spaced evenly after it (at most two weeks apart). Submissions dated earlier are left alone,
    so loading again changes nothing."""
    now = timezone.now()
    for number, submission in enumerate(_demo_submissions()):
        if submission.submitted_at < now - timedelta(days=1):
            report.record("demo submissions dated back", created=False)
            continue
        days_ago = NEWEST_DAYS_AGO + number * DAYS_BETWEEN_SUBMISSIONS
        logs = list(TransitionLog.objects.filter(**records_filter(submission)).order_by("timestamp", "pk"))
        step = timedelta(days=min(LONGEST_STEP_DAYS, (days_ago - 2) / max(len(logs), 1)))
        submitted_at = now - timedelta(days=days_ago)
        with transaction.atomic():
            for index, log in enumerate(logs):
                TransitionLog.objects.filter(pk=log.pk).update(timestamp=submitted_at + index * step)
            last = submitted_at + max(len(logs) - 1, 0) * step
            rows = type(submission)._default_manager.filter(pk=submission.pk)
            rows.update(submitted_at=submitted_at, updated_at=last)
        report.record("demo submissions dated back", created=True)


@dataclass(frozen=True)
class DemoAssessment:
    email: str
    scores: tuple[int, ...] = ()  # given when set
    requested_days_ago: int = 0
    due_in_days: int = 14  # negative: the due date has passed
    given_days_ago: int = 0


DEMO_ASSESSMENTS = (
    DemoAssessment(
        "kigali@demo.example.org", scores=(4, 3, 4), requested_days_ago=30, due_in_days=-16, given_days_ago=20
    ),
    DemoAssessment("athens@demo.example.org", scores=(5, 4, 4), requested_days_ago=12, due_in_days=2, given_days_ago=5),
    DemoAssessment("hanoi@demo.example.org", requested_days_ago=17, due_in_days=-3),
    DemoAssessment("seoul@demo.example.org", requested_days_ago=1, due_in_days=6),
)


def demo_assessments_ensure(*, report: LoadReport) -> None:
    """The demo coordinator asks the demo reviewer to assess four city applications: two given with scores, one
    overdue, one due next week. An application already asked is left as it is."""
    users = get_user_model().objects.filter(is_active=True)
    coordinator = users.filter(username="coordinator").first()
    reviewer = users.filter(username="reviewer").first()
    if coordinator is None or reviewer is None:
        report.note("Demo assessments skipped: the demo coordinator asks the demo reviewer.")
        return
    today = timezone.localdate()
    now = timezone.now()
    criteria = list(criteria_for(CityApplication))
    for demo in DEMO_ASSESSMENTS:
        application = CityApplication.objects.filter(applicant_email=demo.email).first()
        if application is None or Assessment.objects.filter(**records_filter(application)).exists():
            report.record("demo assessments", created=False)
            continue
        with transaction.atomic():
            (asked,) = assessments_request(
                submission=application,
                reviewers=[reviewer],
                user=coordinator,
                due_date=today + timedelta(days=max(demo.due_in_days, 1)),  # the date the request mail states
            )
            if demo.scores:
                assessment_give(
                    submission=application,
                    user=reviewer,
                    scores={criterion.pk: score for criterion, score in zip(criteria, demo.scores, strict=True)},
                    recommendation=Recommendation.ACCEPT,
                    comment="A clear plan with a named team; the data-sharing agreement is still to be signed.",
                )
            given_at = now - timedelta(days=demo.given_days_ago) if demo.scores else None
            Assessment.objects.filter(pk=asked.pk).update(
                requested_at=now - timedelta(days=demo.requested_days_ago),
                due_date=today + timedelta(days=demo.due_in_days),
                given_at=given_at,
                changed_at=given_at,
            )
        report.record("demo assessments", created=True)
