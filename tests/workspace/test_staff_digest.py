"""The daily staff digest: one mail per person with something awaiting them (applications they can move on,
assessments asked of them, overdue first), with links to the right screens, in their admin language; nothing when
nothing awaits; never twice the same day (a row per person and day, even with two workers); days are the site's
time zone's, also around midnight; on by default for coordinators, a choice in Account › Daily digest."""

import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from wagtail.users.models import UserProfile

from workflows.admin.digest_panel import DigestSettingsPanel
from workflows.digest import DigestItem, DigestSection, _sections, register_digest_section
from workflows.models import ApplicationState, StaffDigest, StaffDigestPreference
from workflows.services.assessments import assessments_request
from workflows.services.digests import digest_recipients, staff_digest_send, staff_digests_send

S = ApplicationState
SEOUL = ZoneInfo("Asia/Seoul")


def at(day, hour=7, minute=0, tz=datetime.UTC):
    return time_machine.travel(datetime.datetime(2026, 3, day, hour, minute, tzinfo=tz), tick=False)


@pytest.fixture
def asked(make_city_application, reviewer, coordinator, django_capture_on_commit_callbacks):
    """A submitted city application (the coordinator can move it on) whose assessment is asked of ``reviewer``,
    due on 10 March."""
    row = make_city_application(S.SUBMITTED)
    with at(1), django_capture_on_commit_callbacks(execute=True):
        assessments_request(submission=row, reviewers=[reviewer], user=coordinator, due_date=datetime.date(2026, 3, 10))
    mail.outbox.clear()
    return row


def digests_to(user):
    """The digests in the outbox for ``user`` (each ends with the link to turn it off), not other mails."""
    return [message for message in mail.outbox if message.to == [user.email] and "/admin/account/" in message.body]


def send(django_capture_on_commit_callbacks, **kwargs):
    with django_capture_on_commit_callbacks(execute=True):
        return staff_digests_send(**kwargs)


def test_the_coordinator_gets_what_awaits_them_with_links(asked, coordinator, django_capture_on_commit_callbacks):
    with at(5):
        send(django_capture_on_commit_callbacks)
    (message,) = digests_to(coordinator)
    assert "Awaiting your action" in message.body
    assert asked.reference in message.body
    assert f"/admin/applications/city-applications/inspect/{asked.pk}/" in message.body
    html = message.alternatives[0][0]
    assert f'href="http://testserver/admin/applications/city-applications/inspect/{asked.pk}/"' in html or (
        f"/admin/applications/city-applications/inspect/{asked.pk}/" in html
    )


def test_a_reviewer_who_chose_it_gets_their_assessments_overdue_first(
    asked, reviewer, coordinator, make_city_application, django_capture_on_commit_callbacks
):
    StaffDigestPreference.objects.create(user=reviewer, wants_digest=True)
    later = make_city_application(S.SUBMITTED, city="Busan", email="busan@city.example")
    with at(2), django_capture_on_commit_callbacks(execute=True):
        assessments_request(
            submission=later, reviewers=[reviewer], user=coordinator, due_date=datetime.date(2026, 3, 20)
        )
    with at(12):
        send(django_capture_on_commit_callbacks)
    (message,) = digests_to(reviewer)
    assert "Assessments asked of you" in message.body
    overdue = message.body.index(f"{asked.reference}: overdue, it was due on March 10, 2026")
    assert overdue < message.body.index(f"{later.reference}: due on March 20, 2026")
    assert f"/admin/applications/city-applications/assessment/{asked.pk}/" in message.body


def test_nothing_is_sent_when_nothing_awaits(coordinator, django_capture_on_commit_callbacks):
    with at(5):
        assert send(django_capture_on_commit_callbacks) == 0
    assert mail.outbox == [] and not StaffDigest.objects.exists()


def test_never_twice_the_same_day_even_from_two_workers(asked, coordinator, django_capture_on_commit_callbacks):
    with at(5, 6):
        send(django_capture_on_commit_callbacks)
    with at(5, 23):
        send(django_capture_on_commit_callbacks)
        with django_capture_on_commit_callbacks(execute=True):
            assert staff_digest_send(user=coordinator) is False  # the second worker, the same day
    assert len(digests_to(coordinator)) == 1
    assert StaffDigest.objects.filter(user=coordinator).count() == 1
    with at(6, 6):
        send(django_capture_on_commit_callbacks)
    assert len(digests_to(coordinator)) == 2


@override_settings(TIME_ZONE="Asia/Seoul")
def test_the_day_is_the_site_time_zones_around_midnight(asked, coordinator, django_capture_on_commit_callbacks):
    with at(5, 23, 59, tz=SEOUL):  # 14:59 UTC on the 5th
        send(django_capture_on_commit_callbacks)
    with at(6, 0, 1, tz=SEOUL):  # 15:01 UTC, still the 5th in UTC, but the 6th in Seoul: a new day
        send(django_capture_on_commit_callbacks)
    with at(6, 14, 59):  # 23:59 in Seoul on the 6th: sent already
        send(django_capture_on_commit_callbacks)
    days = list(StaffDigest.objects.filter(user=coordinator).order_by("day").values_list("day", flat=True))
    assert days == [datetime.date(2026, 3, 5), datetime.date(2026, 3, 6)]
    assert len(digests_to(coordinator)) == 2


def test_the_digest_is_in_the_recipients_admin_language(asked, coordinator, django_capture_on_commit_callbacks):
    profile = UserProfile.get_for_user(coordinator)
    profile.preferred_language = "ko"
    profile.save()
    with at(5):
        send(django_capture_on_commit_callbacks)
    (message,) = digests_to(coordinator)
    assert "처리할 일" in message.body and "오늘 기다리는 일입니다" in message.body


def test_on_by_default_for_coordinators_only_and_a_choice_in_the_account(client, coordinator, reviewer, editor):
    assert set(digest_recipients()) == {coordinator}
    client.force_login(coordinator)
    page = client.get("/admin/account/").content.decode()
    assert "Daily digest" in page and 'name="workflow_digest-wants_digest"' in page and "checked" in page
    # What the account screen does with the panel's part of its form when saved.
    request = RequestFactory().post("/admin/account/", {"workflow_digest-wants_digest": ""})
    form = DigestSettingsPanel(request, coordinator, UserProfile.get_for_user(coordinator)).get_form()
    assert form.is_valid(), form.errors
    form.save()
    assert StaffDigestPreference.objects.get(user=coordinator).wants_digest is False
    assert coordinator not in set(digest_recipients())
    client.force_login(editor)
    assert 'name="workflow_digest-wants_digest"' not in client.get("/admin/account/").content.decode()


def test_a_registered_section_is_added_and_can_be_the_only_one(coordinator, django_capture_on_commit_callbacks):
    @register_digest_section
    def sessions_this_week(*, user, today):
        return DigestSection(title="Sessions of your clusters this week", items=[DigestItem(text="Kick-off, 9 March")])

    try:
        with at(5):
            send(django_capture_on_commit_callbacks)
    finally:
        _sections.remove(sessions_this_week)
    (message,) = digests_to(coordinator)
    assert "Sessions of your clusters this week" in message.body and "Kick-off, 9 March" in message.body


def test_the_command_sends_for_a_given_date(asked, coordinator, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_staff_digests", "--date", "2026-03-07", verbosity=0)
    assert StaffDigest.objects.get(user=coordinator).day == datetime.date(2026, 3, 7)
