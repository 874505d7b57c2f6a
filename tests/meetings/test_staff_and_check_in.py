"""Staff and a session's registrations: coordinators see and check in everyone, a cluster's leaders only their
cluster's sessions, editors and communications none of the personal data. Checking in is the ``mark_attended``
transition; at the door a leader searches a name and marks the person attended."""

import pytest
from django.urls import reverse

from cluster_pages.models import EventRegistration
from tests.factories import UserFactory
from workflows.models import TransitionLog
from workflows.services.places import registration_create

from .conftest import person

pytestmark = pytest.mark.django_db

LISTING = "/admin/applications/event-registrations/"
CHECK_IN = "/admin/applications/check-in/"


def fields(**extra) -> dict:
    data = person(**extra)
    data.pop("consent_privacy")
    return {**data, "consent_privacy": True}


@pytest.fixture
def people(summit):
    """Ana at the Smart Mobility meeting, Bo at the Smart Governance one."""
    ana = registration_create(slot=summit.small, fields=fields(applicant_name="Ana Lima")).registration
    bo = registration_create(slot=summit.other, fields=fields(applicant_name="Bo Kim")).registration
    return ana, bo


@pytest.fixture
def roles(summit, leader, coordinator, editor, communications):
    other = UserFactory(username="governance-leader", groups=["Cluster leaders"])
    from cluster_pages.models import ClusterLeadership

    ClusterLeadership.objects.create(cluster=summit.other_cluster, user=other)
    return {
        "anonymous": None,
        "editor": editor,
        "communications": communications,
        "leader of Smart Mobility": leader,
        "leader of Smart Governance": other,
        "coordinator": coordinator,
    }


# Who sees whom in the listing, and what the check-in screen answers.
MATRIX = {
    "anonymous": (302, set(), 302),
    "editor": (302, set(), 302),
    "communications": (302, set(), 302),
    "leader of Smart Mobility": (200, {"Ana Lima"}, 200),
    "leader of Smart Governance": (200, {"Bo Kim"}, 200),
    "coordinator": (200, {"Ana Lima", "Bo Kim"}, 200),
}


@pytest.mark.parametrize("role", list(MATRIX))
def test_who_sees_which_registrations(client, roles, people, role):
    if roles[role] is not None:
        client.force_login(roles[role])
    listing, names, check_in = MATRIX[role]

    response = client.get(LISTING)

    assert response.status_code in (listing, 403 if listing == 302 else listing)
    shown = {name for name in ("Ana Lima", "Bo Kim") if name in response.content.decode()}
    assert shown == names
    assert client.get(CHECK_IN).status_code in (check_in, 403 if check_in == 302 else check_in)


def test_the_listing_filters_by_state_and_session_and_exports(client, roles, people, summit):
    client.force_login(roles["coordinator"])

    by_session = client.get(LISTING, {"session": summit.other.pk}).content.decode()
    waiting = client.get(LISTING, {"state": "waiting"}).content.decode()
    export = client.get(LISTING, {"export": "csv"})

    assert "Bo Kim" in by_session and "Ana Lima" not in by_session
    assert "Ana Lima" not in waiting and "Bo Kim" not in waiting
    assert export.status_code == 200
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "Ana Lima" in content and "Smart Mobility meeting" in content


def test_a_leader_searches_a_name_and_checks_the_person_in(client, roles, people, summit):
    ana, _bo = people
    client.force_login(roles["leader of Smart Mobility"])

    found = client.get(CHECK_IN, {"session": summit.small.pk, "q": "lima"}).content.decode()
    assert "Mark Ana Lima attended" in found
    response = client.post(reverse("check_in:mark_attended", args=[ana.pk]), {"q": "lima"})

    assert response.status_code == 302
    assert EventRegistration.objects.get(pk=ana.pk).state == "attended"
    log = TransitionLog.objects.filter(object_id=ana.pk, transition="mark_attended").get()
    assert log.actor_user == roles["leader of Smart Mobility"]
    assert "Checked in" in client.get(response.url).content.decode()


def test_a_leader_cannot_check_in_at_another_cluster_session(client, roles, people):
    _ana, bo = people
    client.force_login(roles["leader of Smart Mobility"])

    response = client.post(reverse("check_in:mark_attended", args=[bo.pk]))

    assert response.status_code == 404
    assert EventRegistration.objects.get(pk=bo.pk).state == "confirmed"


def test_the_check_in_screen_fits_a_phone(client, roles, people, summit):
    client.force_login(roles["coordinator"])

    page = client.get(CHECK_IN, {"session": summit.small.pk}).content.decode()

    assert 'name="viewport"' in page
    assert "check_in.css" in page
