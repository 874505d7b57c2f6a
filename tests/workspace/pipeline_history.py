"""A small pipeline with known timings, made through the engine's services at frozen times, for the reports.

March 2026 (weeks start on Mondays the 2nd, 9th, 16th and 23rd; the period is the 2nd to the 29th):
- A: submitted on the 2nd, reviewed on the 4th, assessed, assigned to Smart Mobility on the 9th, active on the 10th.
- B: submitted on the 3rd, rejected on the 7th.
- C: submitted on 20 February, reviewed on the 16th; asked of two reviewers: one never answers (overdue on the
  20th), one declines with a conflict.
- D: submitted on the 20th; nothing since.
"""

import datetime
from types import SimpleNamespace

import pytest
import time_machine

from tests.factories import UserFactory
from workflows.models import ApplicationState, TransitionLog
from workflows.services import perform_transition
from workflows.services.assessment_requests import assessment_decline
from workflows.services.assessments import assessment_give, assessments_request

S = ApplicationState
UTC = datetime.UTC
START, END = datetime.date(2026, 3, 2), datetime.date(2026, 3, 29)
REPORT_DAY = datetime.datetime(2026, 4, 1, 12, 0, tzinfo=UTC)


def at(day, hour=10, month=3):
    return time_machine.travel(datetime.datetime(2026, month, day, hour, 0, tzinfo=UTC), tick=False)


@pytest.fixture(name="history")
def history_fixture(clusters, make_city_application, coordinator, city_criteria, django_capture_on_commit_callbacks):
    reviewers = [
        UserFactory(username=f"reviewer-{n}", first_name="Rev", last_name=n, groups=["Reviewers"]) for n in "XYZ"
    ]

    def submitted(city, day, month=3):
        with at(day, month=month):
            application = make_city_application(S.SUBMITTED, city=city, email=f"{city.lower()}@city.example")
            TransitionLog.objects.create(
                submission=application,
                transition="submit",
                from_state="",
                to_state=S.SUBMITTED,
                actor_label="applicant",
                by_applicant=True,
            )
        return application

    def move(application, name, day, **inputs):
        fresh = type(application).objects.get(pk=application.pk)
        with at(day), django_capture_on_commit_callbacks(execute=True):
            perform_transition(application=fresh, name=name, user=coordinator, **inputs)

    a, b, c = submitted("Aachen", 2), submitted("Bergen", 3), submitted("Cali", 20, month=2)
    move(a, "review", 4)
    with at(5), django_capture_on_commit_callbacks(execute=True):
        assessments_request(submission=a, reviewers=[reviewers[0]], user=coordinator)
    with at(6):
        scores = dict(zip([criterion.pk for criterion in city_criteria], [4, 3, 5], strict=True))
        assessment_give(submission=a, user=reviewers[0], scores=scores, recommendation="accept", comment="")
    move(b, "reject", 7, note="Out of scope.")
    move(a, "assign", 9, target=clusters.mobility)
    move(a, "activate", 10)
    move(c, "review", 16)
    with at(16, 12), django_capture_on_commit_callbacks(execute=True):
        assessments_request(
            submission=c, reviewers=reviewers[1:], user=coordinator, due_date=datetime.date(2026, 3, 20)
        )
    with at(17), django_capture_on_commit_callbacks(execute=True):
        assessment_decline(submission=c, user=reviewers[2], reason="conflict_of_interest", note="My employer.")
    d = submitted("Durban", 20)
    return SimpleNamespace(a=a, b=b, c=c, d=d, reviewers=reviewers)
