"""Every list on a cluster page (related events, case studies, members) shows the page's own language, each item
once: the English page the English items, the Korean page their Korean versions (translations, or aliases until
translated), matched through the English items' relations; an item with no Korean version yet shows in English."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import CityApplication
from tests.factories import CaseStudyPageFactory, EventPageFactory, ThematicClusterPageFactory
from tests.test_cluster_page_query_counts import CEILING, queries_for
from workflows.tokens import token_hash

pytestmark = pytest.mark.django_db
# Routing under /ko/ costs two queries more than under /en/: Wagtail finds the site root's Korean translation.
KOREAN_CEILING = CEILING + 2


def korean(page):
    return page.get_translation(Locale.objects.get(language_code="ko"))


def translate(page, title):
    """Turn ``page``'s Korean alias into a translation titled ``title``, as publishing a translation does."""
    version = korean(page)
    Page.objects.filter(pk=version.pk).update(title=title, draft_title=title, alias_of=None)
    return version.specific_class.objects.get(pk=version.pk)


@pytest.fixture
def mobility(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility")
    other = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Water")
    EventPageFactory(parent=site_tree.events, title="Data forum", related_clusters=[cluster])
    EventPageFactory(parent=site_tree.events, title="Water day", related_clusters=[other])
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Bus lanes", cluster=cluster)
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Leak sensors", cluster=other)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    for page in Page.objects.filter(locale__language_code="en", depth__gt=2):
        translate(page, f"{page.title} (ko)")
    return cluster


def titles_and_urls(client, url, section_id):
    response = client.get(url)
    assert response.status_code == 200
    section = BeautifulSoup(response.content, "html.parser").find("section", attrs={"aria-labelledby": section_id})
    return [(link.get_text(strip=True), link["href"]) for link in section.select(".card__title a")]


@pytest.mark.parametrize(
    ("section_id", "english", "english_url"),
    [("events-heading", "Data forum", "/events/data-forum/"), ("case-studies-heading", "Bus lanes", None)],
    ids=["events", "case-studies"],
)
def test_each_cluster_page_lists_its_items_once_in_its_own_language(client, mobility, section_id, english, english_url):
    on_english = titles_and_urls(client, mobility.url, section_id)
    on_korean = titles_and_urls(client, korean(mobility).url, section_id)

    assert [title for title, _url in on_english] == [english]
    assert [title for title, _url in on_korean] == [f"{english} (ko)"]
    assert on_english[0][1].startswith("/en/") and on_korean[0][1].startswith("/ko/")
    if english_url:
        assert on_korean[0][1] == f"/ko{english_url}"


def test_a_korean_translation_keeps_the_english_items_relation(client, mobility, site_tree):
    event = Page.objects.get(title="Data forum").specific
    korean_event = korean(event).specific
    korean_event.related_clusters.set([])  # wagtail-localize does not synchronise many-to-many relations
    korean_event.save()

    assert titles_and_urls(client, korean(mobility).url, "events-heading") == [
        ("Data forum (ko)", "/ko/events/data-forum/")
    ]


def test_an_item_without_a_korean_version_is_listed_in_english_on_the_korean_page(client, mobility, site_tree):
    EventPageFactory(parent=site_tree.events, title="Late addition", related_clusters=[mobility])

    on_korean = titles_and_urls(client, korean(mobility).url, "events-heading")

    assert sorted(on_korean) == [
        ("Data forum (ko)", "/ko/events/data-forum/"),
        ("Late addition", "/en/events/late-addition/"),
    ]


def test_an_unpublished_korean_version_falls_back_to_the_english_item(client, mobility):
    korean(Page.objects.get(title="Data forum")).unpublish()

    assert titles_and_urls(client, korean(mobility).url, "events-heading") == [("Data forum", "/en/events/data-forum/")]


def test_the_korean_cluster_page_lists_the_members_of_the_english_cluster(client, mobility):
    CityApplication.objects.create(
        state="active",
        assigned_to=mobility,
        city="Busan",
        country="KR",
        applicant_name="Mayor",
        applicant_email="mayor@busan.example.org",
        organisation="Council",
        project_title="Data hub",
        project_description="What it built.",
        project_status="launched",
        partners_sought="",
        consent_public_listing=True,
        consent_privacy=True,
        status_token_hash=token_hash("busan"),
        fingerprint="busan",
    )

    html = client.get(korean(mobility).url).content.decode()

    assert "Busan" in html


def test_the_api_gives_the_korean_pages_related_items_in_korean(mobility):
    korean_cluster = korean(mobility).specific
    korean_event = korean(Page.objects.get(title="Data forum"))
    korean_study = korean(Page.objects.get(title="Bus lanes"))

    assert korean_cluster.related_event_ids == [korean_event.pk]
    assert korean_cluster.case_study_ids == [korean_study.pk]
    assert mobility.related_event_ids == [Page.objects.get(title="Data forum").pk]


def test_the_korean_cluster_page_costs_the_same_queries_with_one_event_and_with_six(client, mobility, site_tree):
    url = korean(mobility).url
    one = queries_for(client, url)
    for number in range(5):
        EventPageFactory(parent=site_tree.events, title=f"Meeting {number}", related_clusters=[mobility])
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))

    assert len(titles_and_urls(client, url, "events-heading")) == 6
    assert queries_for(client, url) == one <= KOREAN_CEILING


def test_the_korean_home_lists_an_item_without_a_live_korean_version_once_in_english(client, mobility):
    korean(Page.objects.get(title="Data forum")).unpublish()

    response = client.get("/ko/")

    assert sorted((event.title, event.url) for event in response.context["next_events"]) == [
        ("Data forum", "/en/events/data-forum/"),
        ("Water day (ko)", "/ko/events/water-day/"),
    ]
