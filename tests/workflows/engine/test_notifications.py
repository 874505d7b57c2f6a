"""Who is told what: the right mail to the right people, sent after the change commits, never an internal note
to the applicant, and the private status link only in the mail that carries it."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import override_settings

from workflows.models import ApplicationState, Notification, NotificationState
from workflows.services import notification_deliver, status_link_resend, submission_record

from ..factories import UserFactory

S = ApplicationState
INTERNAL_NOTE = "INTERNAL: the mayor's office seemed unreliable"
LOST_LINK = "http://localhost/en/applications/lost-link/"


def html_of(message) -> str:
    ((html, mimetype),) = message.alternatives
    assert mimetype == "text/html"
    return html


def full_text(message) -> str:
    return "\n".join([message.subject, message.body, html_of(message)])


def to(address):
    return [message for message in mail.outbox if message.to == [address]]


@pytest.fixture
def record(django_capture_on_commit_callbacks):
    def run(applied):
        with django_capture_on_commit_callbacks(execute=True):
            return submission_record(submission=applied.application, token=applied.token)

    return run


def test_a_submission_sends_the_applicant_a_confirmation_with_the_status_link(make_application, record):
    applied = make_application(S.SUBMITTED)

    record(applied)

    (confirmation,) = to("mayor@seoul.example")
    status_url = f"http://localhost/en/applications/status/{applied.token}/"
    assert applied.application.reference in confirmation.subject
    assert status_url in confirmation.body
    assert f'href="{status_url}"' in html_of(confirmation)


def test_the_status_link_is_not_kept_once_the_confirmation_is_sent(make_application, record):
    applied = make_application(S.SUBMITTED)

    record(applied)

    confirmation = Notification.objects.get(template="applicant_received")
    assert confirmation.state == NotificationState.SENT
    assert applied.token not in str(confirmation.context)
    assert not any(applied.token in str(n.context) for n in Notification.objects.all())


def test_a_submission_alerts_every_active_user_who_reviews_and_nobody_else(
    make_application, record, reviewer, coordinator, editor, leader
):
    UserFactory(username="retired-reviewer", groups=["Reviewers"], is_active=False)
    UserFactory(username="reviewer-without-mail", groups=["Reviewers"], email="")
    applied = make_application(S.SUBMITTED)

    record(applied)

    alerted = sorted(message.to[0] for message in mail.outbox if message.to != ["mayor@seoul.example"])
    assert alerted == sorted([reviewer.email, coordinator.email])
    (alert,) = to(reviewer.email)
    assert "Kim Min-jun" in alert.subject and applied.token not in full_text(alert)


def test_a_user_given_the_review_permission_directly_is_alerted_too(make_application, record):
    from django.contrib.auth.models import Permission

    user = UserFactory(username="direct-reviewer")
    user.user_permissions.add(Permission.objects.get(codename="review_application"))
    applied = make_application(S.SUBMITTED)

    record(applied)

    assert len(to(user.email)) == 1


def test_nothing_is_sent_before_the_transaction_commits(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    submission_record(submission=applied.application, token=applied.token)  # the test's transaction never commits

    assert mail.outbox == []
    assert Notification.objects.filter(state=NotificationState.PENDING).count() == 2


@pytest.mark.parametrize(
    ("name", "state", "role", "inputs", "template", "expected"),
    [
        (
            "request_changes",
            S.SUBMITTED,
            "reviewer",
            {"message": "Please add the project budget."},
            "applicant_changes_requested",
            ["Please add the project budget.", "Edit and resubmit"],
        ),
        (
            "resubmit",
            S.CHANGES_REQUESTED,
            "applicant",
            {"answers": {}},
            "applicant_resubmitted",
            ["edited version"],
        ),
        (
            "assign",
            S.REVIEWED,
            "coordinator",
            {"target": "mobility"},
            "applicant_assigned",
            ["Smart Mobility", "Test User"],
        ),
        (
            "activate",
            S.ASSIGNED,
            "leader of the cluster",
            {},
            "applicant_activated",
            ["Smart Mobility", "https://forum.example.org/smart-mobility"],
        ),
        (
            "reject",
            S.REVIEWED,
            "reviewer",
            {"message": "We cannot take new cities this year."},
            "applicant_rejected",
            ["was not accepted", "We cannot take new cities this year."],
        ),
        ("withdraw", S.ASSIGNED, "applicant", {"confirm": True}, "applicant_withdrawn", ["was withdrawn"]),
        ("end", S.ACTIVE, "coordinator", {}, "applicant_ended", ["Smart Mobility", "has ended"]),
        ("reopen", S.REJECTED, "coordinator", {}, "applicant_reopened", ["reopened"]),
    ],
    ids=lambda value: value if isinstance(value, str) and value.islower() and " " not in value else None,
)
def test_each_applicant_visible_change_mails_the_applicant_without_the_internal_note(
    name, state, role, inputs, template, expected, make_application, actors, clusters, leader, perform
):
    applied = make_application(state)
    inputs = {**inputs, "target": clusters.mobility} if "target" in inputs else dict(inputs)
    if role != "applicant":
        inputs["note"] = INTERNAL_NOTE

    perform(application=applied.application, name=name, **actors[role](applied), **inputs)

    (message,) = to("mayor@seoul.example")
    assert Notification.objects.get(to_applicant=True).template == template
    text = full_text(message)
    for fragment in expected:
        assert fragment in message.body and fragment in html_of(message), fragment
    assert INTERNAL_NOTE not in text
    assert INTERNAL_NOTE not in str(Notification.objects.get(to_applicant=True).context)
    assert applied.token not in text
    assert LOST_LINK in message.body


def test_marking_an_application_reviewed_mails_nobody(make_application, reviewer, coordinator, perform):
    applied = make_application(S.SUBMITTED)

    perform(application=applied.application, name="review", user=reviewer)

    assert mail.outbox == []


def test_an_assignment_alerts_the_clusters_leaders_with_the_coordinators_note(
    make_application, coordinator, leader, other_leader, clusters, perform
):
    applied = make_application(S.REVIEWED)

    perform(application=applied.application, name="assign", user=coordinator, target=clusters.mobility, note="Go!")

    (alert,) = to(leader.email)
    assert "Smart Mobility" in alert.subject and "Go!" in alert.body
    assert to(other_leader.email) == []
    assert to(coordinator.email) == []


def test_a_resubmission_alerts_the_reviewers(make_application, reviewer, perform):
    applied = make_application(S.CHANGES_REQUESTED)

    perform(application=applied.application, name="resubmit", applicant_token=applied.token, answers={})

    (alert,) = to(reviewer.email)
    assert alert.subject.startswith("Resubmitted")


def test_a_lost_link_request_mails_the_new_link_and_then_forgets_it(
    make_application, django_capture_on_commit_callbacks
):
    applied = make_application(S.REVIEWED)

    with django_capture_on_commit_callbacks(execute=True):
        status_link_resend(submission=applied.application, token="a-brand-new-token")

    (message,) = to("mayor@seoul.example")
    assert "http://localhost/en/applications/status/a-brand-new-token/" in message.body
    assert "a-brand-new-token" not in str(Notification.objects.get().context)


# -- the outbox when mail fails ---------------------------------------------------------------


FAILING_SMTP = {"EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend", "EMAIL_HOST": "127.0.0.1"}


@pytest.fixture
def closed_port():
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_mail_server_that_is_down_leaves_the_change_saved_and_the_notification_pending(
    make_application, reviewer, perform, closed_port
):
    applied = make_application(S.SUBMITTED)

    with override_settings(**FAILING_SMTP, EMAIL_PORT=closed_port):
        perform(application=applied.application, name="request_changes", user=reviewer, message="Add a budget.")

    assert applied.reload().state == S.CHANGES_REQUESTED
    notification = Notification.objects.get()
    assert notification.state == NotificationState.PENDING
    assert notification.attempts == 1
    assert "Connection refused" in notification.last_error or "ConnectionRefused" in notification.last_error
    assert notification.next_attempt_at is not None


def test_retries_back_off_exponentially_and_the_command_sends_what_is_pending_exactly_once(
    make_application, reviewer, perform, closed_port
):
    applied = make_application(S.SUBMITTED)
    with override_settings(**FAILING_SMTP, EMAIL_PORT=closed_port):
        perform(application=applied.application, name="request_changes", user=reviewer, message="Add a budget.")
        notification = Notification.objects.get()
        first_delay = notification.next_attempt_at - notification.created_at
        notification_deliver(notification_id=notification.pk)
        notification.refresh_from_db()
        second_delay = notification.next_attempt_at - notification.created_at
    assert notification.attempts == 2
    assert second_delay.total_seconds() > 1.9 * first_delay.total_seconds()

    call_command("send_pending_notifications", "--now", verbosity=0)
    call_command("send_pending_notifications", "--now", verbosity=0)

    notification.refresh_from_db()
    assert notification.state == NotificationState.SENT and notification.attempts == 3
    assert len(mail.outbox) == 1


def test_the_command_leaves_notifications_that_are_still_backing_off(make_application, reviewer, perform, closed_port):
    applied = make_application(S.SUBMITTED)
    with override_settings(**FAILING_SMTP, EMAIL_PORT=closed_port):
        perform(application=applied.application, name="request_changes", user=reviewer, message="Add a budget.")

    call_command("send_pending_notifications", verbosity=0)

    assert Notification.objects.get().state == NotificationState.PENDING
    assert mail.outbox == []


@override_settings(WORKFLOW_FORMS_MAIL_MAX_ATTEMPTS=2)
def test_after_the_last_attempt_a_notification_is_failed_and_its_status_link_forgotten(
    make_application, closed_port, django_capture_on_commit_callbacks
):
    applied = make_application(S.SUBMITTED)
    with override_settings(**FAILING_SMTP, EMAIL_PORT=closed_port):
        with django_capture_on_commit_callbacks(execute=True):
            submission_record(submission=applied.application, token=applied.token)
        confirmation = Notification.objects.get(template="applicant_received")
        assert notification_deliver(notification_id=confirmation.pk) == "failed"

    confirmation.refresh_from_db()
    assert confirmation.state == NotificationState.FAILED and confirmation.attempts == 2
    assert "status_url" not in confirmation.context
    assert notification_deliver(notification_id=confirmation.pk) == "skipped"
    assert mail.outbox == []
