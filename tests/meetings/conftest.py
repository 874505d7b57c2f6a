"""An upcoming event with sessions on the test site: a cluster's open session with 3 places, a members-only one,
and people who register for them."""

import datetime
import itertools
from dataclasses import dataclass

import pytest
from django.utils import timezone

from cluster_pages.models import ClusterLeadership, EventPage, EventSession, ThematicClusterPage
from tests.factories import EventPageFactory, ThematicClusterPageFactory, UserFactory

_people = itertools.count(1)


@dataclass
class Summit:
    page: EventPage
    cluster: ThematicClusterPage
    other_cluster: ThematicClusterPage
    small: EventSession  # open to everyone, 3 places, a waiting list
    members: EventSession  # the cluster's members only
    other: EventSession  # the other cluster's session


def make_session(page, **fields) -> EventSession:
    starts = fields.pop("starts_at", timezone.now() + datetime.timedelta(days=10))
    defaults = {"title": "Cluster meeting", "places": 30, "ends_at": starts + datetime.timedelta(hours=1, minutes=30)}
    return EventSession.objects.create(page=page, starts_at=starts, **{**defaults, **fields})


@pytest.fixture
def summit(site_tree) -> Summit:
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility")
    other = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Governance")
    page = EventPageFactory(
        parent=site_tree.events,
        title="Summit",
        slug="summit",
        time_zone="Asia/Seoul",
        start_date=timezone.localdate() + datetime.timedelta(days=10),
    )
    return Summit(
        page=page,
        cluster=cluster,
        other_cluster=other,
        small=make_session(page, title="Smart Mobility meeting", cluster=cluster, places=3, room="Room 201"),
        members=make_session(page, title="Members' workshop", cluster=cluster, members_only=True),
        other=make_session(page, title="Smart Governance meeting", cluster=other),
    )


def person(**fields) -> dict:
    """A registrant's form data; each call is a new person unless the address is given."""
    number = next(_people)
    return {
        "applicant_name": f"Participant {number}",
        "applicant_email": f"participant{number}@city.example",
        "organisation": "Smart City Bureau",
        "role": "Policy officer",
        "city": "Seoul",
        "country": "KR",
        "accessibility_needs": "",
        "consent_privacy": "on",
        **fields,
    }


def register_url(summit_page, session, language="en") -> str:
    return f"/{language}/events/summit/sessions/{session.pk}/register/"


@pytest.fixture
def register(client, django_capture_on_commit_callbacks):
    """``register(session, **fields)``: a visitor posts the form (mails sent as after the commit)."""

    def run(session, *, language="en", **fields):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(register_url(None, session, language), person(**fields))

    return run


@pytest.fixture
def leader(db, summit):
    """The leader of the summit's first cluster (a staff account in the Cluster leaders group)."""
    user = UserFactory(username="mobility-leader", groups=["Cluster leaders"])
    ClusterLeadership.objects.create(cluster=summit.cluster, user=user)
    return user
