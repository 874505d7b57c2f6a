"""The events page splits upcoming from past by today's date and filters by cluster and kind."""

import datetime

import pytest
from django.utils import timezone

from cluster_pages.models import EventKind

from .factories import EventPageFactory, ThematicClusterPageFactory, build_site_tree

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


def titles(events):
    return [event.title for event in events]


@pytest.fixture(scope="module")
def calendar(shared_data):
    """Two clusters and events around today: two past, one running today, two to come."""
    with shared_data():
        tree = build_site_tree()
        yield make_calendar(tree)


def make_calendar(tree):
    mobility = ThematicClusterPageFactory(parent=tree.clusters, title="Smart mobility")
    health = ThematicClusterPageFactory(parent=tree.clusters, title="Smart health")
    events = tree.events
    return {
        "tree": tree,
        "mobility": mobility,
        "health": health,
        "long_ago": EventPageFactory(
            parent=events, title="Old summit", start_date=days(-400), end_date=days(-398), related_clusters=[mobility]
        ),
        "yesterday": EventPageFactory(
            parent=events,
            title="Yesterday's webinar",
            kind=EventKind.WEBINAR,
            start_date=days(-1),
            end_date=days(-1),
            related_clusters=[health],
        ),
        "running": EventPageFactory(
            parent=events, title="Running expo", kind=EventKind.EXPO, start_date=days(-2), end_date=days(0)
        ),
        "soon": EventPageFactory(
            parent=events,
            title="Soon tech jam",
            kind=EventKind.TECH_JAM,
            start_date=days(3),
            end_date=days(4),
            related_clusters=[mobility, health],
        ),
        "later": EventPageFactory(
            parent=events,
            title="Later webinar",
            kind=EventKind.WEBINAR,
            start_date=days(60),
            end_date=days(60),
            related_clusters=[mobility],
        ),
    }


ALL_UPCOMING = ["Running expo", "Soon tech jam", "Later webinar"]
ALL_PAST = ["Yesterday's webinar", "Old summit"]


def test_events_still_running_today_are_upcoming_and_the_rest_past(client, calendar):
    response = client.get("/en/events/")

    assert response.status_code == 200
    assert titles(response.context["upcoming_events"]) == ALL_UPCOMING
    assert titles(response.context["past_events"]) == ALL_PAST


def test_upcoming_events_come_soonest_first_and_past_events_latest_first_on_the_page(client, calendar):
    html = client.get("/en/events/").content.decode()

    positions = [html.index(title.replace("'", "&#x27;")) for title in ALL_UPCOMING + ALL_PAST]
    assert positions == sorted(positions)
    assert html.index("Upcoming events") < html.index("Running expo") < html.index("Past events")
    assert html.index("Past events") < html.index("Yesterday&#x27;s webinar")


def test_filtering_by_cluster_shows_only_that_clusters_events(client, calendar):
    response = client.get("/en/events/", {"cluster": calendar["mobility"].pk})

    assert titles(response.context["upcoming_events"]) == ["Soon tech jam", "Later webinar"]
    assert titles(response.context["past_events"]) == ["Old summit"]
    assert not response.context["filter"].errors


def test_filtering_by_kind_shows_only_that_kind(client, calendar):
    response = client.get("/en/events/", {"kind": EventKind.WEBINAR})

    assert titles(response.context["upcoming_events"]) == ["Later webinar"]
    assert titles(response.context["past_events"]) == ["Yesterday's webinar"]
    html = response.content.decode()
    assert "Later webinar" in html
    assert "Soon tech jam" not in html


def test_cluster_and_kind_filters_combine(client, calendar):
    response = client.get("/en/events/", {"cluster": calendar["health"].pk, "kind": EventKind.WEBINAR})

    assert titles(response.context["upcoming_events"]) == []
    assert titles(response.context["past_events"]) == ["Yesterday's webinar"]


def test_an_event_linked_to_two_clusters_is_listed_once(client, calendar):
    response = client.get("/en/events/", {"cluster": calendar["mobility"].pk})

    assert titles(response.context["upcoming_events"]).count("Soon tech jam") == 1


def test_the_cluster_filter_offers_live_clusters_only(client, calendar):
    ThematicClusterPageFactory(parent=calendar["tree"].clusters, title="Draft cluster", live=False)

    response = client.get("/en/events/")

    offered = [label for _value, label in response.context["filter"].form.fields["cluster"].choices]
    assert offered == ["All clusters", "Smart health", "Smart mobility"]


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "nonsense"},
        {"cluster": "abc"},
        {"cluster": "999999"},
        {"cluster": "abc", "kind": EventKind.WEBINAR},
    ],
    ids=["unknown-kind", "cluster-not-a-number", "cluster-does-not-exist", "bad-cluster-with-good-kind"],
)
def test_a_bad_filter_value_shows_the_full_list_and_marks_the_form_invalid(client, calendar, query):
    response = client.get("/en/events/", query)

    assert response.status_code == 200
    assert titles(response.context["upcoming_events"]) == ALL_UPCOMING
    assert titles(response.context["past_events"]) == ALL_PAST
    assert response.context["filter"].errors
    assert "A filter value is not valid" in response.content.decode()


def test_a_draft_cluster_cannot_be_used_as_a_filter(client, calendar):
    draft = ThematicClusterPageFactory(parent=calendar["tree"].clusters, title="Draft cluster", live=False)

    response = client.get("/en/events/", {"cluster": draft.pk})

    assert "cluster" in response.context["filter"].errors
    assert titles(response.context["upcoming_events"]) == ALL_UPCOMING


def test_draft_events_are_not_listed(client, calendar):
    EventPageFactory(parent=calendar["tree"].events, title="Unannounced summit", start_date=days(10), live=False)

    response = client.get("/en/events/")

    assert "Unannounced summit" not in titles(response.context["upcoming_events"])
    assert "Unannounced summit" not in response.content.decode()
