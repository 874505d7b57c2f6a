"""What the home page, the cluster index and a cluster's page show visitors."""

import datetime

import pytest
from django.utils import timezone

from cluster_pages.models import ClusterStatus
from home.models import HomeFeaturedCluster

from .factories import CaseStudyPageFactory, EventPageFactory, PersonFactory, ThematicClusterPageFactory
from .site_forms.support import build_forms

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def titles(pages):
    return [page.title for page in pages]


def feature(home, *clusters):
    """Feature ``clusters`` in this order, as the admin's InlinePanel numbers them."""
    for position, cluster in enumerate(clusters):
        home.featured_clusters.add(HomeFeaturedCluster(cluster=cluster, sort_order=position))
    home.save()


def test_the_home_page_features_the_chosen_live_clusters_in_order(client, site_tree):
    water = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart water")
    draft = ThematicClusterPageFactory(parent=site_tree.clusters, title="Draft cluster", live=False)
    energy = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart energy")
    feature(site_tree.home, energy, draft, water)

    response = client.get("/en/")

    assert titles(response.context["featured_clusters"]) == ["Smart energy", "Smart water"]
    html = response.content.decode()
    assert html.index("Smart energy") < html.index("Smart water")
    assert "Draft cluster" not in html


def test_the_home_page_shows_the_three_soonest_upcoming_events(client, site_tree):
    for title, start in [("Past", -5), ("Fourth", 40), ("Second", 10), ("First", 0), ("Third", 20)]:
        EventPageFactory(parent=site_tree.events, title=title, start_date=days(start))

    response = client.get("/en/")

    assert titles(response.context["next_events"]) == ["First", "Second", "Third"]


def test_the_home_page_shows_the_three_latest_published_case_studies(client, site_tree):
    now = timezone.now()
    for title, age in [("Oldest", 40), ("Newest", 1), ("Older", 20), ("Newer", 10)]:
        CaseStudyPageFactory(
            parent=site_tree.case_studies, title=title, first_published_at=now - datetime.timedelta(days=age)
        )

    response = client.get("/en/")

    assert titles(response.context["latest_case_studies"]) == ["Newest", "Newer", "Older"]
    assert "Oldest" not in response.content.decode()


def test_an_empty_home_page_says_nothing_is_published_yet(client, site_tree):
    html = client.get("/en/").content.decode()

    assert "No clusters are featured yet." in html
    assert "No upcoming events are announced yet." in html
    assert "No case studies are published yet." in html


def test_the_cluster_index_groups_clusters_by_status_forming_first(client, site_tree):
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility", status=ClusterStatus.ACTIVE)
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart health", status=ClusterStatus.FORMING)
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart energy", status=ClusterStatus.ACTIVE)
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart unpublished", live=False)

    response = client.get("/en/clusters/")

    groups = [(status, titles(clusters)) for status, _label, clusters in response.context["cluster_groups"]]
    assert groups == [("forming", ["Smart health"]), ("active", ["Smart energy", "Smart mobility"])]
    html = response.content.decode()
    assert "These clusters are tentatively forming and will be ready for launch shortly." in html
    assert "Smart unpublished" not in html


def test_a_cluster_page_lists_its_events_newest_first_and_its_case_studies(client, site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility", slug="smart-mobility")
    other = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart health")
    EventPageFactory(parent=site_tree.events, title="Old jam", start_date=days(-30), related_clusters=[cluster])
    EventPageFactory(parent=site_tree.events, title="New summit", start_date=days(30), related_clusters=[cluster])
    EventPageFactory(parent=site_tree.events, title="Other event", related_clusters=[other])
    EventPageFactory(parent=site_tree.events, title="Draft event", related_clusters=[cluster], live=False)
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Bus lanes", cluster=cluster)
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Clinics", cluster=other)

    response = client.get("/en/clusters/smart-mobility/")

    assert titles(response.context["events"]) == ["New summit", "Old jam"]
    assert titles(response.context["case_studies"]) == ["Bus lanes"]
    html = response.content.decode()
    assert "Other event" not in html
    assert "Draft event" not in html


def test_a_cluster_page_introduces_its_leader(client, site_tree):
    leader = PersonFactory(name="Dr. Ana Lopez", role="Cluster leader", organisation="City of Madrid")
    ThematicClusterPageFactory(parent=site_tree.clusters, slug="smart-mobility", leader=leader)

    html = client.get("/en/clusters/smart-mobility/").content.decode()

    assert "Dr. Ana Lopez" in html
    assert "City of Madrid" in html


@pytest.mark.parametrize(
    ("status", "joinable"),
    [(ClusterStatus.FORMING, True), (ClusterStatus.ACTIVE, True), (ClusterStatus.ARCHIVED, False)],
)
def test_only_forming_and_active_clusters_invite_new_members(client, site_tree, status, joinable):
    build_forms(site_tree)
    ThematicClusterPageFactory(parent=site_tree.clusters, slug="a-cluster", status=status)

    html = client.get("/en/clusters/a-cluster/").content.decode()

    assert ("Join this cluster" in html) is joinable
    assert ("This cluster is archived and accepts no new members." in html) is not joinable


def test_an_event_page_is_shown_with_its_calendar_link(client, site_tree):
    EventPageFactory(parent=site_tree.events, title="General Assembly", slug="general-assembly")

    response = client.get("/en/events/general-assembly/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "General Assembly" in html
    assert 'href="/en/events/general-assembly/event.ics"' in html
