"""Registrations for sessions are personal data like applications: in the address's data export, erased by
``erase_applicant`` (the place is kept, the person is not), and anonymised once the retention time has passed
since the session, whatever their state; the city and country stay, for the figures."""

import datetime
import json

import pytest
from django.core.management import call_command
from django.utils import timezone

from cluster_pages.models import EventRegistration
from workflows.services.places import registration_create
from workflows.services.retention import expired_submissions_anonymise

from .conftest import make_session, person

pytestmark = pytest.mark.django_db
EMAIL = "ana.lima@seoul.example"


def register(session, **extra):
    fields = {**person(applicant_email=EMAIL, applicant_name="Ana Lima", **extra), "consent_privacy": True}
    return registration_create(slot=session, fields=fields).registration


def test_the_data_export_holds_the_registration(tmp_path, summit):
    registration = register(summit.small, accessibility_needs="Step-free access")
    path = tmp_path / "export.json"

    call_command("export_applicant_data", EMAIL, output=str(path), verbosity=0)

    [exported] = json.loads(path.read_text(encoding="utf-8"))["submissions"]
    assert exported["reference"] == registration.reference
    assert exported["fields"]["accessibility_needs"] == "Step-free access"
    assert exported["fields"]["session"] == "Smart Mobility meeting"


def test_erasure_empties_the_person_and_keeps_the_place(summit):
    registration = register(summit.small, accessibility_needs="Step-free access")

    call_command("erase_applicant", EMAIL, yes=True, verbosity=0)

    erased = EventRegistration.objects.get(pk=registration.pk)
    assert EMAIL not in erased.applicant_email and erased.applicant_name != "Ana Lima"
    assert erased.accessibility_needs == "" and erased.organisation == ""
    assert erased.state == "confirmed"
    assert (erased.city, erased.country.code) == ("Seoul", "KR")


def test_retention_anonymises_registrations_of_sessions_long_past_whatever_their_state(summit, settings):
    settings.WORKFLOW_FORMS_RETENTION_MONTHS = 1
    recent = register(summit.small)
    old_session = make_session(summit.page, title="Last year")
    old = register(old_session)
    EventSession = type(old_session)
    EventSession.objects.filter(pk=old_session.pk).update(starts_at=timezone.now() - datetime.timedelta(days=60))

    anonymised = expired_submissions_anonymise()

    assert anonymised == [old.reference]
    assert EventRegistration.objects.get(pk=old.pk).applicant_name != "Ana Lima"
    assert EventRegistration.objects.get(pk=recent.pk).applicant_name == "Ana Lima"
