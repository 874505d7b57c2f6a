"""The reviewer whose request a coordinator withdraws is told, in their admin language, with a link to the
application; nobody else is, and a request that could not be withdrawn mails no one."""

import pytest
from django.core import mail
from wagtail.users.models import UserProfile

from workflows.exceptions import TransitionNotAllowed
from workflows.models import ApplicationState
from workflows.services.assessment_requests import assessment_withdraw

S = ApplicationState


def withdrawn_mails():
    return [message for message in mail.outbox if "withdrawn" in message.subject or "철회" in message.subject]


def test_the_reviewer_is_told_the_request_was_withdrawn(
    make_city_application, reviewer, coordinator, assess, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    (request,) = assess.ask(row, [reviewer], coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assessment_withdraw(assessment=request, user=coordinator)
    (message,) = mail.outbox
    assert message.to == [reviewer.email]
    assert message.subject.startswith("Assessment request withdrawn:") and row.reference in message.subject
    assert "You no longer need to assess it" in message.body
    assert f"/admin/applications/city-applications/inspect/{row.pk}/" in message.body


def test_the_mail_is_in_the_reviewers_admin_language(
    make_city_application, reviewer, coordinator, assess, django_capture_on_commit_callbacks
):
    profile = UserProfile.get_for_user(reviewer)
    profile.preferred_language = "ko"
    profile.save()
    row = make_city_application(S.SUBMITTED)
    (request,) = assess.ask(row, [reviewer], coordinator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assessment_withdraw(assessment=request, user=coordinator)
    (message,) = mail.outbox
    assert message.subject.startswith("평가 요청 철회")


def test_a_request_no_longer_awaited_mails_no_one(
    make_city_application, reviewer, coordinator, assess, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    (request,) = assess.ask(row, [reviewer], coordinator)
    with django_capture_on_commit_callbacks(execute=True):
        assessment_withdraw(assessment=request, user=coordinator)
    mail.outbox.clear()
    with pytest.raises(TransitionNotAllowed), django_capture_on_commit_callbacks(execute=True):
        assessment_withdraw(assessment=request, user=coordinator)
    assert mail.outbox == []
