"""The demo: the leader account leads the active clusters, every cluster has its workspace, and the demo's
active applications are members (made through the engine, so their accounts and groups exist)."""

import pytest
from django.contrib.auth import get_user_model

from cluster_pages.membership import members_of, partners_of
from cluster_pages.models import ClusterStatus, ClusterWorkspacePage, ThematicClusterPage
from home.demo.loader import demo_content_load
from workflows.adapters import target_adapter

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def loaded(shared_data):
    with shared_data():
        demo_content_load(with_accounts=True)
        yield


def cluster(slug):
    return ThematicClusterPage.objects.filter(locale__language_code="en").get(slug=slug)


def test_the_demo_leader_leads_every_active_cluster_and_is_in_the_cluster_leaders_group(loaded):
    leader = get_user_model().objects.get(username="leader")

    led = set(target_adapter(ThematicClusterPage).pages_managed_by(leader).values_list("slug", flat=True))

    assert led == set(
        ThematicClusterPage.objects.filter(locale__language_code="en")
        .filter(status=ClusterStatus.ACTIVE)
        .values_list("slug", flat=True)
    )
    assert leader.groups.filter(name="Cluster leaders").exists()


def test_every_demo_cluster_has_a_members_only_workspace(loaded, client):
    for page in ThematicClusterPage.objects.filter(locale__language_code="en").live():
        workspace = ClusterWorkspacePage.objects.filter(locale__language_code="en").child_of(page).get()
        assert page.members_group is not None
        assert client.get(workspace.url).status_code == 302


def test_the_demo_active_applications_are_members_and_partners(loaded):
    assert [member.city for member in members_of(cluster("digital-government-platform")).named] == ["Tallinn"]
    assert [
        (partner.name, partner.organisation_type)
        for partner in partners_of(cluster("living-labs-for-open-innovation")).named
    ] == [("Open Data Commons Foundation", "nonprofit"), ("Urban Sensors GmbH", "company")]
    tallinn = get_user_model().objects.get(email="tallinn@demo.example.org")
    assert tallinn.groups.filter(pk=cluster("digital-government-platform").members_group_id).exists()
    makati = get_user_model().objects.get(email="makati@demo.example.org")  # ended: account kept, group left
    assert not makati.groups.filter(pk=cluster("smart-mobility").members_group_id).exists()
