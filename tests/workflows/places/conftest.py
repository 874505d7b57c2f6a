"""Workshops with places on the plugin's test site, people registering for them, and staff who manage them."""

import datetime
import itertools

import pytest
from django.contrib.auth.models import Permission
from django.utils import timezone

from workflows.models import Notification
from workflows.selectors.records import records_filter
from workflows.services.places import registration_create

from ..factories import UserFactory
from ..testapp.models import Workshop, WorkshopRegistration

_people = itertools.count(1)


@pytest.fixture
def make_workshop(db):
    """A workshop a week ahead; ``places``, ``waiting_list_enabled`` and the times can be given."""

    def make(*, places=2, waiting_list_enabled=True, starts_in=datetime.timedelta(days=7), closes_in=None):
        now = timezone.now()
        return Workshop.objects.create(
            title="Smart mobility workshop",
            places=places,
            waiting_list_enabled=waiting_list_enabled,
            starts_at=now + starts_in,
            registration_closes_at=now + closes_in if closes_in is not None else None,
        )

    return make


@pytest.fixture
def workshop(make_workshop):
    """Two places and a waiting list."""
    return make_workshop()


def person(**fields) -> dict:
    """A registrant's fields; each call is a new person unless the address is given."""
    number = next(_people)
    return {
        "applicant_name": f"Participant {number}",
        "applicant_email": f"participant{number}@city.example",
        "organisation": "Seoul Metropolitan Government",
        **fields,
    }


@pytest.fixture
def register():
    """``register(workshop, **fields)``: a new person registers; returns the RegistrationResult."""

    def run(slot, **fields):
        return registration_create(slot=slot, fields=person(**fields))

    return run


@pytest.fixture
def organiser(db):
    """Staff who manage workshop registrations (the kind's change permission)."""
    user = UserFactory(username="organiser", groups=["Editors"])
    user.user_permissions.add(
        Permission.objects.get(content_type__app_label="workflows_testapp", codename="change_workshopregistration")
    )
    return user


def mails_to(registration) -> list[str]:
    """The templates of the mails queued for the registrant, oldest first, that are still to be sent or sent."""
    return list(
        Notification.objects.filter(**records_filter(registration), to_applicant=True)
        .exclude(state="failed")
        .order_by("created_at", "pk")
        .values_list("template", flat=True)
    )


def state_of(registration) -> str:
    return WorkshopRegistration.objects.get(pk=registration.pk).state
