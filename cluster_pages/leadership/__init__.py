"""Who leads a cluster: coordinators grant and revoke it in Applications › Cluster leaders.

- selectors: ``leaders_of(cluster=)``, ``leaders_of_clusters(clusters=)``, ``clusters_led_by(user=)``,
  ``staff_accounts()``.
- services: ``cluster_leadership_grant``, ``cluster_leadership_revoke`` (audit-logged on the cluster page,
  and keeping the "Cluster leaders" group in step).
- viewsets: the admin screen (``ClusterLeaderViewSet``).
"""

from .selectors import clusters_led_by, leaders_of, leaders_of_clusters, staff_accounts
from .services import (
    GRANT_ACTION,
    REVOKE_ACTION,
    ClusterLeadershipRefused,
    cluster_leadership_grant,
    cluster_leadership_revoke,
    user_may_manage_cluster_leaders,
)

__all__ = [
    "GRANT_ACTION",
    "REVOKE_ACTION",
    "ClusterLeadershipRefused",
    "cluster_leadership_grant",
    "cluster_leadership_revoke",
    "clusters_led_by",
    "leaders_of",
    "leaders_of_clusters",
    "staff_accounts",
    "user_may_manage_cluster_leaders",
]
