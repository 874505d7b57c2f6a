"""The daily staff digest tells a cluster leader about their clusters' sessions of the coming week, each linking
to its check-in list; coordinators hear of every cluster's, and nobody of a session further away."""

import datetime

import pytest
from django.utils import timezone

from cluster_pages.meetings.digest import sessions_this_week
from tests.factories import UserFactory
from workflows.digest import digest_sections

from .conftest import make_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def soon(summit):
    """The summit's sessions move to the day after tomorrow; one more session of the cluster is in three weeks."""
    starts = timezone.now() + datetime.timedelta(days=2)
    for session in (summit.small, summit.members, summit.other):
        session.starts_at = starts
        session.ends_at = starts + datetime.timedelta(hours=1)
        session.save()
    make_session(summit.page, title="Later meeting", cluster=summit.cluster, starts_at=starts + datetime.timedelta(21))
    return summit


def test_a_leader_hears_of_their_clusters_sessions_this_week_with_a_link_to_check_in(soon, leader):
    section = sessions_this_week(user=leader, today=timezone.localdate())

    texts = [item.text for item in section.items]
    assert len(texts) == 2
    assert any(text.startswith("Smart Mobility meeting (Summit)") and "0 of 3 places taken" in text for text in texts)
    assert not any("Smart Governance" in text or "Later meeting" in text for text in texts)
    assert section.items[0].url.endswith(f"/admin/applications/check-in/?session={soon.small.pk}")


def test_a_coordinator_hears_of_every_clusters_sessions(soon, coordinator):
    section = sessions_this_week(user=coordinator, today=timezone.localdate())

    assert len(section.items) == 3


def test_the_section_is_left_out_for_staff_without_sessions_and_for_a_quiet_week(soon, leader):
    editor = UserFactory(username="editor", groups=["Editors"])
    assert sessions_this_week(user=editor, today=timezone.localdate()) is None
    next_month = timezone.localdate() + datetime.timedelta(days=30)
    assert sessions_this_week(user=leader, today=next_month) is None
    assert all(
        section.title != "Sessions of your clusters this week"
        for section in digest_sections(user=editor, today=timezone.localdate())
    )
