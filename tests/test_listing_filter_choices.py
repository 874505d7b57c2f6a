"""The listing filters offer only what can match: countries, clusters and kinds with live items."""

import pytest

from cluster_pages.models import EventKind

from .factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory, build_site_tree

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def site(shared_data):
    with shared_data():
        tree = build_site_tree()
        mobility = ThematicClusterPageFactory(parent=tree.clusters, title="Smart mobility")
        health = ThematicClusterPageFactory(parent=tree.clusters, title="Smart health")
        ThematicClusterPageFactory(parent=tree.clusters, title="Smart water")  # nothing published about it
        CaseStudyPageFactory(parent=tree.case_studies, title="Seoul lights", cluster=mobility, country="KR")
        CaseStudyPageFactory(parent=tree.case_studies, title="Madrid buses", cluster=mobility, country="ES")
        CaseStudyPageFactory(parent=tree.case_studies, title="Lima draft", cluster=health, country="PE", live=False)
        EventPageFactory(parent=tree.events, title="Summit", kind=EventKind.SUMMIT, related_clusters=[mobility])
        EventPageFactory(parent=tree.events, title="Jam", kind=EventKind.TECH_JAM, related_clusters=[health])
        EventPageFactory(parent=tree.events, title="Draft expo", kind=EventKind.EXPO, live=False)
        yield tree


def offered(response, name):
    return [str(label) for _value, label in response.context["filter"].form.fields[name].choices]


def test_the_country_filter_offers_only_countries_with_live_case_studies(client, site):
    response = client.get("/en/case-studies/")

    assert offered(response, "country") == ["All countries", "South Korea", "Spain"]


def test_the_case_study_cluster_filter_offers_only_clusters_with_live_case_studies(client, site):
    response = client.get("/en/case-studies/")

    assert offered(response, "cluster") == ["All clusters", "Smart mobility"]


def test_a_country_offered_still_filters(client, site):
    response = client.get("/en/case-studies/", {"country": "ES"})

    assert not response.context["filter"].errors
    assert [page.title for page in response.context["case_studies"]] == ["Madrid buses"]


def test_the_event_cluster_filter_offers_only_clusters_with_live_events(client, site):
    response = client.get("/en/events/")

    assert offered(response, "cluster") == ["All clusters", "Smart health", "Smart mobility"]
    assert "Smart water" not in response.content.decode()


def test_the_event_kind_filter_offers_only_kinds_of_live_events(client, site):
    response = client.get("/en/events/")

    assert offered(response, "kind") == ["All kinds", "Summit", "Tech jam"]
