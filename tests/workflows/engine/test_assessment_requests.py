"""Requesting assessments: who may ask, who may be asked (a leader only for their own cluster's applications),
once per reviewer per round, a mail with a link to each reviewer, and an audit entry per request."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry
from wagtail.users.models import UserProfile

from workflows.exceptions import TransitionNotAllowed, TransitionNotPermitted
from workflows.log_actions import ASSESSMENT_REQUESTED_ACTION
from workflows.models import ApplicationState, Assessment, Notification
from workflows.services.assessments import assessments_request
from workflows.services.assessors import assessor_candidates, user_may_assess

from ..factories import UserFactory

S = ApplicationState


@pytest.fixture
def ask(django_capture_on_commit_callbacks):
    def run(applied, reviewers, user):
        with django_capture_on_commit_callbacks(execute=True):
            return assessments_request(submission=applied.application, reviewers=reviewers, user=user)

    return run


def test_a_coordinator_asks_a_reviewer_who_is_mailed_once(make_application, coordinator, reviewer, ask):
    applied = make_application(S.SUBMITTED)

    (assessment,) = ask(applied, [reviewer], coordinator)

    assert assessment.reviewer == reviewer and assessment.requested_by == coordinator
    assert assessment.round == 1 and assessment.given_at is None and assessment.closed_at is None
    (notification,) = Notification.objects.filter(template="staff_assessment_requested")
    assert notification.recipient_user == reviewer and not notification.to_applicant
    sent = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert len(sent) == 1 and applied.application.reference in sent[0].subject


def test_the_request_mail_is_in_the_reviewers_admin_language(make_application, coordinator, reviewer, ask):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "ko"
    profile.save()
    applied = make_application(S.SUBMITTED)

    ask(applied, [reviewer], coordinator)

    (notification,) = Notification.objects.filter(template="staff_assessment_requested")
    assert notification.context["language"] == "ko"
    (sent,) = [message for message in mail.outbox if message.to == [reviewer.email]]
    assert sent.subject.startswith("평가 요청:"), sent.subject
    assert applied.application.reference in sent.subject


def test_each_request_is_in_the_audit_log(make_application, coordinator, reviewer, ask):
    applied = make_application(S.SUBMITTED)
    ask(applied, [reviewer], coordinator)
    entry = ModelLogEntry.objects.get(action=ASSESSMENT_REQUESTED_ACTION)
    assert entry.user == coordinator and entry.data["reviewer"] == reviewer.get_full_name()


def test_a_reviewer_is_asked_once_per_round(make_application, coordinator, reviewer, ask):
    applied = make_application(S.SUBMITTED)
    ask(applied, [reviewer], coordinator)
    assert ask(applied, [reviewer], coordinator) == []
    assert Assessment.objects.count() == 1
    assert Notification.objects.filter(template="staff_assessment_requested").count() == 1


def test_a_reviewer_may_not_ask_for_assessments(make_application, reviewer, coordinator):
    applied = make_application(S.SUBMITTED)
    with pytest.raises(TransitionNotPermitted):
        assessments_request(submission=applied.application, reviewers=[coordinator], user=reviewer)
    assert not Assessment.objects.exists()


def test_an_editor_cannot_be_asked(make_application, coordinator, editor):
    applied = make_application(S.SUBMITTED)
    with pytest.raises(TransitionNotPermitted):
        assessments_request(submission=applied.application, reviewers=[editor], user=coordinator)
    assert not Assessment.objects.exists() and not Notification.objects.exists()


def test_a_leader_can_be_asked_for_their_own_clusters_application_only(
    make_application, coordinator, leader, other_leader, ask
):
    in_mobility = make_application(S.ASSIGNED)
    assert user_may_assess(submission=in_mobility.application, user=leader)
    assert not user_may_assess(submission=in_mobility.application, user=other_leader)
    with pytest.raises(TransitionNotPermitted):
        assessments_request(submission=in_mobility.application, reviewers=[other_leader], user=coordinator)
    (assessment,) = ask(in_mobility, [leader], coordinator)
    assert assessment.reviewer == leader


def test_a_leader_cannot_be_asked_for_an_unassigned_application(make_application, coordinator, leader):
    applied = make_application(S.SUBMITTED)
    with pytest.raises(TransitionNotPermitted):
        assessments_request(submission=applied.application, reviewers=[leader], user=coordinator)


def test_the_candidates_are_those_who_may_assess(make_application, coordinator, reviewer, editor, leader, other_leader):
    inactive = UserFactory(username="gone", groups=["Reviewers"], is_active=False)
    applied = make_application(S.ASSIGNED)
    candidates = assessor_candidates(submission=applied.application)
    assert {reviewer, coordinator, leader} <= set(candidates)
    assert not {editor, other_leader, inactive} & set(candidates)


@pytest.mark.parametrize("state", [S.ACTIVE, S.REJECTED, S.WITHDRAWN, S.ENDED, S.CHANGES_REQUESTED])
def test_no_assessment_is_asked_once_no_staff_decision_is_left(make_application, coordinator, reviewer, state):
    applied = make_application(state)
    with pytest.raises(TransitionNotAllowed):
        assessments_request(submission=applied.application, reviewers=[reviewer], user=coordinator)
    assert not Assessment.objects.exists()
