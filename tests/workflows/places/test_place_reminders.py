"""Reminders: once, a set time before the slot starts, only to people who still hold a place."""

import datetime
from io import StringIO

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from workflows.selectors import places as places_selectors
from workflows.services import places as places_services
from workflows.services.places import registration_cancel, registration_reminders_send

from .conftest import mails_to

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 12, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def workshop(make_workshop):
    """Two places, starting at START; registrations taken ten days before."""
    with time_machine.travel(START - datetime.timedelta(days=10), tick=False):
        return make_workshop(places=2, starts_in=datetime.timedelta(days=10))


@pytest.fixture
def registered(workshop, register):
    """Two confirmed and one waiting, registered ten days before."""
    with time_machine.travel(START - datetime.timedelta(days=10), tick=False):
        return [register(workshop) for _ in range(3)]


def reminders_at(moment, **options) -> str:
    out = StringIO()
    with time_machine.travel(moment, tick=False):
        call_command("send_place_reminders", stdout=out, **options)
    return out.getvalue()


def reminded(results) -> list[bool]:
    return ["registration_reminder" in mails_to(result.registration) for result in results]


def test_confirmed_registrants_are_reminded_two_days_before_and_not_earlier(registered):
    assert reminders_at(START - datetime.timedelta(days=2, minutes=1)) == "0 reminder(s) queued.\n"

    assert reminders_at(START - datetime.timedelta(days=2)) == "2 reminder(s) queued.\n"
    assert reminded(registered) == [True, True, False]


def test_a_reminder_goes_out_once_however_often_the_command_runs(registered):
    for hours_before in (47, 30, 1):
        reminders_at(START - datetime.timedelta(hours=hours_before))

    assert [mails_to(result.registration).count("registration_reminder") for result in registered] == [1, 1, 0]


def test_nobody_who_cancelled_is_reminded(registered):
    first = registered[0]
    with time_machine.travel(START - datetime.timedelta(days=3), tick=False):
        registration_cancel(registration=first.registration, applicant_token=first.token)

    reminders_at(START - datetime.timedelta(days=1))

    assert reminded(registered) == [False, True, True]  # the third was promoted into the freed place


def test_no_reminder_once_the_workshop_has_started(registered):
    assert reminders_at(START + datetime.timedelta(minutes=1)) == "0 reminder(s) queued.\n"


@override_settings(WORKFLOW_FORMS_REMINDER_HOURS=6)
def test_the_lead_time_is_a_setting_and_an_option(registered):
    assert reminders_at(START - datetime.timedelta(hours=7)) == "0 reminder(s) queued.\n"
    assert reminders_at(START - datetime.timedelta(hours=7), hours=8) == "2 reminder(s) queued.\n"


def test_a_lead_time_below_one_hour_is_refused(registered):
    with pytest.raises(CommandError, match="--hours must be 1 or more."):
        reminders_at(START - datetime.timedelta(days=1), hours=0)


def test_a_run_working_from_a_stale_list_does_not_remind_twice(registered, workshop, monkeypatch):
    """Two workers listed the same registrations; the second finds each one already claimed by the first."""
    moment, before = START - datetime.timedelta(days=1), datetime.timedelta(days=2)
    with time_machine.travel(moment, tick=False):
        kind = type(registered[0].registration)
        stale = list(places_selectors.registrations_due_a_reminder(kind=kind, now=timezone.now(), before=before))
        assert registration_reminders_send(before=before) == 2

        monkeypatch.setattr(places_services, "registrations_due_a_reminder", lambda **kwargs: stale)
        assert registration_reminders_send(before=before) == 0

    assert [mails_to(result.registration).count("registration_reminder") for result in registered] == [1, 1, 0]
