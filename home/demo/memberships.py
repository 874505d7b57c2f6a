"""Cluster leaders as users and the members' workspaces of the demo clusters.

The demo "leader" account leads every active cluster (the demo has one leader account; the printed
account list is fixed), so a leader's view of the admin shows the applications assigned to them.
Every cluster gets its members group and workspace page; the demo's active
applications then make their cities and companies members through the engine (see applications.py).
"""

from django.contrib.auth import get_user_model

from cluster_pages.leadership import cluster_leadership_grant, clusters_led_by
from cluster_pages.membership import cluster_workspace_ensure
from cluster_pages.models import ClusterStatus, ClusterWorkspacePage, ThematicClusterPage

from .report import LoadReport

DEMO_LEADER_USERNAME = "leader"


def cluster_leader_accounts_ensure(*, clusters: dict[str, ThematicClusterPage], report: LoadReport) -> None:
    """Make the demo leader account a leader of every active cluster (granted by the loader, not a user)."""
    leader = get_user_model().objects.filter(username=DEMO_LEADER_USERNAME, is_active=True).first()
    if leader is None:
        report.note("Cluster leader accounts skipped: the demo 'leader' account does not exist.")
        return
    led = set(clusters_led_by(user=leader).values_list("pk", flat=True))
    for cluster in clusters.values():
        if cluster.status != ClusterStatus.ACTIVE:
            continue
        created = cluster.pk not in led
        if created:
            cluster_leadership_grant(cluster=cluster, user=leader, granted_by=None)
        report.record("cluster leader accounts", created=created)


def workspaces_ensure(*, clusters: dict[str, ThematicClusterPage], report: LoadReport) -> None:
    """Each cluster's members group and members-only workspace page."""
    for cluster in clusters.values():
        created = not ClusterWorkspacePage.objects.child_of(cluster).exists()
        workspace = cluster_workspace_ensure(cluster=cluster)
        report.record("members' workspaces", created=created, obj=workspace.page if created else None)
