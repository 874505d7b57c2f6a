"""The public API v3 lists and details every page type with its api_fields, and documents them in OpenAPI."""

import datetime

import pytest
from django.utils import timezone
from wagtail.api.conf import APIField
from wagtail.models import get_page_models
from wagtail_factories import DocumentFactory, ImageFactory

from cluster_pages.models import (
    CaseStudyDocument,
    CaseStudyGalleryImage,
    CaseStudyIndexPage,
    CaseStudyPage,
    CaseStudyPartner,
    ClusterIndexPage,
    ClusterStatus,
    EventIndexPage,
    EventKind,
    EventPage,
    StandardPage,
    ThematicClusterPage,
)
from home.models import HomeFeaturedCluster, HomePage

from .factories import (
    CaseStudyPageFactory,
    ContactFactory,
    EventPageFactory,
    PersonFactory,
    StandardPageFactory,
    ThematicClusterPageFactory,
    build_site_tree,
)

pytestmark = pytest.mark.django_db

OUR_PAGE_TYPES = [
    HomePage,
    StandardPage,
    ClusterIndexPage,
    ThematicClusterPage,
    EventIndexPage,
    EventPage,
    CaseStudyIndexPage,
    CaseStudyPage,
]
START = timezone.localdate() + datetime.timedelta(days=40)


@pytest.fixture(scope="module")
def content(shared_data):
    with shared_data():
        tree = build_site_tree()
        leader = PersonFactory(name="Dr. Ana Lopez", role="Cluster leader", organisation="City of Madrid")
        mobility = ThematicClusterPageFactory(
            parent=tree.clusters,
            title="Smart mobility",
            summary="Moving people, not cars.",
            status=ClusterStatus.FORMING,
            leader=leader,
            body=[("live_figure", {"figure": "forming_clusters", "caption": ""})],
        )
        health = ThematicClusterPageFactory(parent=tree.clusters, title="Smart health", status=ClusterStatus.ACTIVE)
        tree.home.featured_clusters.add(HomeFeaturedCluster(cluster=health))
        tree.home.save()
        event = EventPageFactory(
            parent=tree.events,
            title="Mobility tech jam",
            slug="mobility-tech-jam",
            kind=EventKind.TECH_JAM,
            start_date=START,
            end_date=START + datetime.timedelta(days=1),
            time_zone="Europe/Madrid",
            city="Madrid",
            country="ES",
            related_clusters=[mobility, health],
        )
        webinar = EventPageFactory(parent=tree.events, title="Health webinar", kind=EventKind.WEBINAR, country="")
        case_study = CaseStudyPageFactory(
            parent=tree.case_studies, title="On-demand buses", cluster=mobility, country="ES", year=2022
        )
        case_study.partners.add(CaseStudyPartner(name="Madrid transport authority", url="https://example.org"))
        image = ImageFactory(title="Bus stop")
        document = DocumentFactory(title="Evaluation report")
        case_study.gallery_images.add(CaseStudyGalleryImage(image=image, caption="A new bus stop"))
        case_study.documents.add(CaseStudyDocument(document=document))
        case_study.save()
        orphan_case_study = CaseStudyPageFactory(parent=tree.case_studies, title="No cluster yet", cluster=None)
        ContactFactory(name="Min-ji Park", topic="Joining")
        standard = StandardPageFactory(parent=tree.home, title="How to join", slug="how-to-join", show_contacts=True)
        draft = EventPageFactory(parent=tree.events, title="Secret summit", live=False)
        yield {
            "tree": tree,
            "leader": leader,
            "mobility": mobility,
            "health": health,
            "event": event,
            "webinar": webinar,
            "case_study": case_study,
            "orphan_case_study": orphan_case_study,
            "standard": standard,
            "draft": draft,
            "image": image,
            "document": document,
        }


def listing(client, **params):
    response = client.get("/api/v3/pages/", params)
    assert response.status_code == 200, response.content
    return response.json()


def detail(client, page):
    response = client.get(f"/api/v3/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


def api_field_names(model):
    return {field.name for field in APIField.get_fields_for_model(model)}


@pytest.mark.parametrize("model", OUR_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_listing_by_type_returns_the_live_pages_of_that_type(client, content, model):
    body = listing(client, type=model._meta.label)

    expected = set(model.objects.live().values_list("pk", flat=True))
    assert expected, "the fixture creates at least one page of each type"
    assert {item["id"] for item in body["items"]} == expected
    assert body["count"] == len(expected)
    assert {item["meta"]["type"] for item in body["items"]} == {model._meta.label}


@pytest.mark.parametrize("model", OUR_PAGE_TYPES, ids=lambda model: model._meta.label)
def test_page_detail_returns_every_api_field_of_its_type(client, content, model):
    page = model.objects.live().first()

    body = detail(client, page)

    assert body["meta"]["type"] == model._meta.label
    assert body["title"] == page.title
    assert api_field_names(model) <= set(body), f"missing: {api_field_names(model) - set(body)}"


def test_a_cluster_detail_shows_its_status_leader_body_and_related_content(client, content):
    body = detail(client, content["mobility"])

    assert body["summary"] == "Moving people, not cars."
    assert body["status"] == "forming"
    assert body["leader"]["id"] == content["leader"].pk
    assert body["related_event_ids"] == [content["event"].pk]
    assert body["case_study_ids"] == [content["case_study"].pk]
    assert body["body"][0]["type"] == "live_figure"
    assert body["body"][0]["value"] == {"figure": "forming_clusters", "label": "Clusters forming", "value": 1}


def test_an_event_detail_shows_dates_place_clusters_and_its_calendar_link(client, content):
    body = detail(client, content["event"])

    assert body["start_date"] == START.isoformat()
    assert body["end_date"] == (START + datetime.timedelta(days=1)).isoformat()
    assert body["time_zone"] == "Europe/Madrid"
    assert body["kind"] == "tech_jam"
    assert body["country"] == {"code": "ES", "name": "Spain"}
    assert sorted(cluster["id"] for cluster in body["related_clusters"]) == sorted(
        [content["mobility"].pk, content["health"].pk]
    )
    assert {cluster["meta"]["type"] for cluster in body["related_clusters"]} == {"cluster_pages.ThematicClusterPage"}
    assert body["ical_url"] == "/en/events/mobility-tech-jam/event.ics"


def test_an_online_event_has_no_country(client, content):
    assert detail(client, content["webinar"])["country"] is None


def test_a_case_study_detail_shows_its_cluster_country_partners_images_and_documents(client, content):
    body = detail(client, content["case_study"])

    assert body["cluster"]["id"] == content["mobility"].pk
    assert body["country"] == {"code": "ES", "name": "Spain"}
    assert body["year"] == 2022
    assert body["challenge"] == "<p>The challenge.</p>"
    assert [(partner["name"], partner["url"]) for partner in body["partners"]] == [
        ("Madrid transport authority", "https://example.org")
    ]
    assert [(item["image"]["id"], item["caption"]) for item in body["gallery_images"]] == [
        (content["image"].pk, "A new bus stop")
    ]
    assert [item["document"]["id"] for item in body["documents"]] == [content["document"].pk]


def test_a_case_study_without_a_cluster_reports_none(client, content):
    assert detail(client, content["orphan_case_study"])["cluster"] is None


def test_the_home_page_detail_gives_the_live_figures_and_featured_clusters(client, content):
    body = detail(client, content["tree"].home)

    figures = {figure["key"]: figure["value"] for figure in body["figures"]}
    assert figures["forming_clusters"] == 1
    assert figures["active_clusters"] == 1
    assert figures["case_studies"] == 2
    assert body["featured_cluster_ids"] == [content["health"].pk]


def test_a_standard_page_that_lists_contacts_gives_them(client, content):
    body = detail(client, content["standard"])

    assert body["show_contacts"] is True
    assert [contact["name"] for contact in body["contacts"]] == ["Min-ji Park"]


def test_the_event_index_gives_its_feed_url(client, content):
    assert detail(client, content["tree"].events)["feed_url"] == "/en/events/feed.ics"


def test_pages_can_be_filtered_by_an_api_field(client, content):
    forming = listing(client, type="cluster_pages.ThematicClusterPage", status="forming")
    webinars = listing(client, type="cluster_pages.EventPage", kind="webinar")

    assert [item["id"] for item in forming["items"]] == [content["mobility"].pk]
    assert [item["id"] for item in webinars["items"]] == [content["webinar"].pk]


def ids(body):
    return sorted(item["id"] for item in body["items"])


def test_case_studies_can_be_filtered_like_the_case_study_index(client, content):
    """The index's cluster, country and status filters are the API's cluster, country and project_status."""
    case_studies = {"type": "cluster_pages.CaseStudyPage"}

    assert ids(listing(client, **case_studies, cluster=content["mobility"].pk)) == [content["case_study"].pk]
    assert ids(listing(client, **case_studies, country="ES")) == [content["case_study"].pk]
    assert ids(listing(client, **case_studies, country="KR")) == [content["orphan_case_study"].pk]
    assert ids(listing(client, **case_studies, project_status="ongoing", country="ES", year=2022)) == [
        content["case_study"].pk
    ]
    assert ids(listing(client, **case_studies, project_status="completed")) == []


def test_events_can_be_filtered_like_the_event_index(client, content):
    """The index's cluster and kind filters are the API's related_clusters and kind; country works too."""
    events = {"type": "cluster_pages.EventPage"}

    assert ids(listing(client, **events, related_clusters=content["health"].pk)) == [content["event"].pk]
    assert ids(listing(client, **events, related_clusters=content["mobility"].pk, kind="tech_jam")) == [
        content["event"].pk
    ]
    assert ids(listing(client, **events, related_clusters=content["mobility"].pk, kind="webinar")) == []
    assert ids(listing(client, **events, country="ES")) == [content["event"].pk]


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"type": "cluster_pages.EventPage", "related_clusters": "not-a-number"}, "related_clusters"),
        ({"type": "cluster_pages.CaseStudyPage", "cluster": "not-a-number"}, "cluster"),
        ({"type": "cluster_pages.CaseStudyPage", "year": "last year"}, "year"),
    ],
)
def test_a_malformed_filter_value_is_a_clear_client_error(client, content, params, field):
    response = client.get("/api/v3/pages/", params)

    assert response.status_code == 422, response.content
    assert response["Content-Type"].startswith("application/problem+json")
    assert any(field in error["loc"] for error in response.json()["errors"]), response.json()


def test_a_draft_page_is_neither_listed_nor_shown(client, content):
    listed = {item["id"] for item in listing(client, type="cluster_pages.EventPage")["items"]}

    assert content["draft"].pk not in listed
    assert client.get(f"/api/v3/pages/{content['draft'].pk}/").status_code == 404


def test_an_unknown_page_type_is_a_clear_client_error(client, content):
    response = client.get("/api/v3/pages/", {"type": "cluster_pages.NoSuchPage"})

    assert response.status_code == 422
    error = response.json()["errors"][0]
    assert error["loc"][-2:] == ["type", 0]
    assert "cluster_pages.EventPage" in error["msg"]


def test_the_openapi_document_is_openapi_3_1_json(client, db):
    response = client.get("/api/v3/openapi.json")

    assert response.status_code == 200
    document = response.json()
    assert document["openapi"].startswith("3.1.")
    assert "/api/v3/pages/" in document["paths"]
    assert "/api/v3/pages/{page_id}/" in document["paths"]


def test_the_openapi_document_describes_every_page_type_with_its_api_fields(client, db):
    schemas = client.get("/api/v3/openapi.json").json()["components"]["schemas"]

    for model in get_page_models():
        if model._meta.abstract or model._meta.label == "wagtailcore.Page":
            continue
        name = f"{model.__name__}Schema"
        assert name in schemas, f"{name} is missing from the OpenAPI schemas"
        assert api_field_names(model) <= set(schemas[name]["properties"]), name
    assert schemas["EventPageSchema"]["properties"]["meta"]["$ref"].endswith("/EventPageMetaSchema")
