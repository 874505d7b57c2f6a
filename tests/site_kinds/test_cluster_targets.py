"""Clusters as targets of applications: only live clusters that take members, and nobody manages them yet."""

import pytest

from cluster_pages.models import ClusterStatus, ThematicClusterPage
from tests.factories import ThematicClusterPageFactory
from workflows.adapters import target_adapter

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("status", "live", "accepts"),
    [
        (ClusterStatus.FORMING, True, True),
        (ClusterStatus.ACTIVE, True, True),
        (ClusterStatus.ARCHIVED, True, False),
        (ClusterStatus.ACTIVE, False, False),
    ],
)
def test_a_cluster_accepts_applications_while_live_and_forming_or_active(site_tree, status, live, accepts):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, status=status, live=live)

    assert cluster.accepts_applications is accepts


def test_clusters_have_no_application_managers_until_leaders_get_accounts(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters)

    assert target_adapter(ThematicClusterPage).managers(cluster) == []
