"""The demo Summit's sessions: one for each active cluster and a plenary; one open session has only 3 places, so
the waiting list can be tried."""

import datetime
import zoneinfo

from cluster_pages.models import ClusterStatus, EventIndexPage, EventPage, EventSession, ThematicClusterPage

from .pages import page_publish
from .report import LoadReport

SUMMIT_SLUG = "thematic-clusters-summit-2027"
SEOUL = zoneinfo.ZoneInfo("Asia/Seoul")
#: The cluster whose open session has only this many places.
SMALL_SESSION_CLUSTER = "living-labs-for-open-innovation"
SMALL_SESSION_PLACES = 3
#: The cluster whose session is for its members only.
MEMBERS_ONLY_CLUSTER = "smart-governance"


def _at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2027, 9, day, hour, minute, tzinfo=SEOUL)


def _cluster_session(cluster: ThematicClusterPage, number: int) -> EventSession:
    start = _at(14, 10 + 2 * number)
    return EventSession(
        title=f"{cluster.title}: cluster meeting",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=1, minutes=30),
        room=f"Room {201 + number}",
        cluster=cluster,
        places=SMALL_SESSION_PLACES if cluster.slug == SMALL_SESSION_CLUSTER else 30,
        members_only=cluster.slug == MEMBERS_ONLY_CLUSTER,
        registration_closes_at=_at(13, 18),
    )


def summit_sessions_ensure(*, events: EventIndexPage, clusters: dict[str, ThematicClusterPage], report: LoadReport):
    """The Summit's sessions, added (and published) only when it has none, so editors' changes are kept."""
    summit = EventPage.objects.child_of(events).filter(slug=SUMMIT_SLUG).first()
    if summit is None:
        return
    if summit.sessions.exists():
        for _session in summit.sessions.all():
            report.record("event sessions", created=False)
        return
    active = [cluster for cluster in clusters.values() if cluster.status == ClusterStatus.ACTIVE]
    sessions = [_cluster_session(cluster, number) for number, cluster in enumerate(active)]
    sessions.append(
        EventSession(
            title="Plenary: the clusters' year and the next",
            starts_at=_at(15, 9, 30),
            ends_at=_at(15, 11),
            room="Grand Hall",
            online_url="https://example.org/live/thematic-clusters-summit-2027",
            places=150,
            registration_closes_at=_at(14, 18),
        )
    )
    summit = summit.specific
    summit.sessions = sessions
    page_publish(page=summit)
    for _session in sessions:
        report.record("event sessions", created=True)
