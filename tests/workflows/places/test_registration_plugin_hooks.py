"""What the plugin offers a site's registration kind beyond places: files with the mails (a session's .ics),
staff who manage some registrations only (a team's leaders), the slot's own time zone, anonymising after the
slot, and cancelling by token through the API."""

import datetime
import json

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from workflows.adapters import _kinds, register_kind
from workflows.models import AbstractRegistration
from workflows.places_adapter import RegistrationKindAdapter
from workflows.selectors.visibility import submissions_visible_to, user_may_see_submission
from workflows.services.places import registration_create
from workflows.services.retention import expired_submissions

from ..factories import UserFactory
from ..testapp.models import Workshop, WorkshopRegistration
from .conftest import person, state_of

pytestmark = pytest.mark.django_db


class WithAFile(RegistrationKindAdapter):
    def mail_attachments(self, submission, *, template):
        if template != "registration_confirmed":
            return []
        return [("workshop.ics", f"BEGIN:VCALENDAR\nSUMMARY:{submission.slot}\nEND:VCALENDAR\n", "text/calendar")]


@pytest.fixture
def adapter_with_a_file():
    register_kind(WorkshopRegistration, WithAFile())
    yield
    _kinds.pop(WorkshopRegistration, None)


def test_the_kind_adapter_attaches_files_to_the_applicant_mails_it_names(
    workshop, adapter_with_a_file, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(slot=workshop, fields=person(applicant_email="kim@seoul.example"))
        registration_create(slot=workshop, fields=person())
        registration_create(slot=workshop, fields=person(applicant_email="lee@seoul.example"))  # waits

    by_address = {message.to[0]: message for message in mail.outbox}
    assert [name for name, _content, _type in by_address["kim@seoul.example"].attachments] == ["workshop.ics"]
    assert "SUMMARY:Smart mobility workshop" in by_address["kim@seoul.example"].attachments[0][1]
    assert by_address["lee@seoul.example"].attachments == []


def test_without_an_adapter_of_its_own_a_kind_attaches_nothing(workshop, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        registration_create(slot=workshop, fields=person())

    assert [message.attachments for message in mail.outbox] == [[]]


def leaders_manage(self, user) -> bool:
    """A site's ``user_manages_registration``: the permission, or leading the workshop's team."""
    if AbstractRegistration.user_manages_registration(self, user):
        return True
    return self.slot.team_id is not None and self.slot.team.leaders.filter(pk=user.pk).exists()


def managed_by_leaders(cls, *, user, queryset):
    """A site's ``registrations_managed_by``: the registrations for its teams' workshops."""
    return queryset.filter(slot__team__leaders=user)


@pytest.fixture
def led_by_team_leaders(monkeypatch):
    monkeypatch.setattr(WorkshopRegistration, "user_manages_registration", leaders_manage)
    monkeypatch.setattr(WorkshopRegistration, "registrations_managed_by", classmethod(managed_by_leaders))


def test_a_team_leader_sees_and_manages_only_the_registrations_of_their_team(
    make_workshop, clusters, led_by_team_leaders
):
    leader = UserFactory(username="team-leader", groups=["Editors"])
    team = clusters.mobility
    team.leaders.add(leader)
    theirs = make_workshop()
    Workshop.objects.filter(pk=theirs.pk).update(team=team)
    theirs.refresh_from_db()
    other = make_workshop()
    mine = registration_create(slot=theirs, fields=person()).registration
    not_mine = registration_create(slot=other, fields=person()).registration

    visible = submissions_visible_to(user=leader, queryset=WorkshopRegistration.objects.all())

    assert list(visible) == [mine]
    assert user_may_see_submission(user=leader, submission=mine)
    assert not user_may_see_submission(user=leader, submission=not_mine)


def test_by_default_nobody_without_the_permission_sees_registrations(workshop, editor):
    registration_create(slot=workshop, fields=person())

    assert not submissions_visible_to(user=editor, queryset=WorkshopRegistration.objects.all()).exists()


def test_a_slot_may_give_its_start_in_its_own_time_zone(workshop, monkeypatch):
    import zoneinfo

    workshop.starts_at = datetime.datetime(2026, 9, 14, 1, 0, tzinfo=datetime.UTC)
    monkeypatch.setattr(Workshop, "slot_time_zone", lambda self: zoneinfo.ZoneInfo("Asia/Seoul"))

    assert "10 a.m." in workshop.slot_label()


def test_registrations_are_anonymised_once_the_retention_time_has_passed_since_the_slot(make_workshop, settings):
    settings.WORKFLOW_FORMS_RETENTION_MONTHS = 1
    past = make_workshop()
    held = registration_create(slot=past, fields=person()).registration
    Workshop.objects.filter(pk=past.pk).update(starts_at=timezone.now() - datetime.timedelta(days=45))
    recent = registration_create(slot=make_workshop(), fields=person()).registration

    expired = expired_submissions()

    assert held in expired and recent not in expired


def test_the_registrant_cancels_with_their_token_through_the_api(workshop, django_capture_on_commit_callbacks):
    holder = registration_create(slot=workshop, fields=person())
    registration_create(slot=workshop, fields=person())
    waiting = registration_create(slot=workshop, fields=person()).registration
    api = Client()

    refused = api.post(
        f"/api/v3/applications/status/{holder.token}/cancel/", {"confirm": False}, content_type="application/json"
    )
    with django_capture_on_commit_callbacks(execute=True):
        done = api.post(
            f"/api/v3/applications/status/{holder.token}/cancel/", {"confirm": True}, content_type="application/json"
        )
    again = api.post(
        f"/api/v3/applications/status/{holder.token}/cancel/", {"confirm": True}, content_type="application/json"
    )

    assert refused.status_code == 422 and refused["Content-Type"] == "application/problem+json"
    assert done.status_code == 200 and json.loads(done.content)["state"] == "cancelled"
    assert state_of(waiting) == "confirmed"
    assert again.status_code == 409
