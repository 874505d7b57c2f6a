"""A page's address is routed from the cache until the page tree changes, and never past a change.

Signed-in readers and anonymous ones alike (the test settings keep the whole-page cache off, so every request
here is served by the page itself): Wagtail's routing costs a site, a locale, the pages along the path and their
view restrictions, and the cache saves all of them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale, Page, PageViewRestriction, Site
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import StandardPage
from home.models import HomePage
from tests.factories import EventPageFactory, HomePageFactory, StandardPageFactory

pytestmark = pytest.mark.django_db

ROUTING_TABLES = ("site", "page", "locale", "pageviewrestriction")


def routing_queries(client, url: str, **headers) -> tuple[object, list[str]]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, **headers)
    sql = [query["sql"] for query in captured]
    routing = [text for text in sql if any(f'FROM "wagtailcore_{table}"' in text for table in ROUTING_TABLES)]
    return response, routing


@pytest.fixture
def programme(site_tree):
    return StandardPageFactory(parent=site_tree.home, title="Programme", slug="programme", body=[])


def test_the_second_request_finds_the_page_without_asking_the_database(client, programme):
    first, first_routing = routing_queries(client, "/en/programme/")
    second, second_routing = routing_queries(client, "/en/programme/")

    assert first.status_code == second.status_code == 200
    assert first_routing  # Wagtail's routing, once
    assert second_routing == []
    assert "Programme" in second.content.decode()


def test_a_signed_in_reader_and_a_form_are_routed_from_the_cache_too(client, site_tree, editor):
    from tests.site_forms import support

    forms = support.build_forms(site_tree)
    client.force_login(editor)
    client.get(forms.city.url)

    response, routing = routing_queries(client, forms.city.url)

    assert response.status_code == 200 and 'name="csrfmiddlewaretoken"' in response.content.decode()
    assert routing == []


def test_an_unpublished_page_answers_404_on_the_next_request(client, programme):
    client.get("/en/programme/")

    programme.unpublish()

    assert client.get("/en/programme/").status_code == 404


def test_a_new_slug_moves_the_address_at_once(client, programme):
    client.get("/en/programme/")

    programme.slug = "the-programme"
    programme.save_revision().publish()

    assert client.get("/en/programme/").status_code == 404
    assert client.get("/en/the-programme/").status_code == 200


def test_a_moved_page_leaves_its_old_address(client, site_tree, programme):
    client.get("/en/programme/")

    programme.move(site_tree.events, pos="last-child")

    old_address = client.get("/en/programme/")
    assert old_address.status_code == 301  # Wagtail's redirect to where it went, not the page at its old place
    assert old_address.headers["Location"].endswith("/events/programme/")
    assert client.get("/en/events/programme/").status_code == 200


def test_a_view_restriction_applies_on_the_next_request_and_its_removal_too(client, programme):
    client.get("/en/programme/")

    restriction = PageViewRestriction.objects.create(page=programme, restriction_type=PageViewRestriction.LOGIN)
    refused = client.get("/en/programme/")

    assert refused.status_code == 302 and "login" in refused.headers["Location"]

    restriction.delete()
    assert client.get("/en/programme/").status_code == 200


def test_a_restriction_on_an_ancestor_applies_too(client, site_tree, programme):
    client.get("/en/programme/")

    PageViewRestriction.objects.create(page=site_tree.home, restriction_type=PageViewRestriction.LOGIN)

    assert client.get("/en/programme/").status_code == 302


def test_a_restricted_page_has_its_restrictions_checked_by_wagtail_every_time(client, programme, editor):
    PageViewRestriction.objects.create(page=programme, restriction_type=PageViewRestriction.LOGIN)
    client.force_login(editor)
    client.get("/en/programme/")

    response, routing = routing_queries(client, "/en/programme/")

    assert response.status_code == 200
    assert any("wagtailcore_pageviewrestriction" in sql for sql in routing)
    assert not any('FROM "wagtailcore_site"' in sql for sql in routing)  # its route, though, from the cache

    client.logout()
    assert client.get("/en/programme/").status_code == 302  # and the restriction still refuses a visitor


def test_english_and_korean_are_routed_apart(client, programme):
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = StandardPage.objects.get(slug="programme", locale__language_code="ko")
    korean.alias_of, korean.title = None, "프로그램"
    korean.save_revision().publish()

    for _ in range(2):
        assert "Programme" in client.get("/en/programme/").content.decode()
        assert "프로그램" in client.get("/ko/programme/").content.decode()


def test_another_site_at_the_same_address_gets_its_own_page(client, settings, site_tree, programme):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    other_home = HomePageFactory(parent=Page.get_first_root_node(), title="Other home", slug="other-home")
    Site.objects.create(hostname="other.example", port=80, root_page=other_home)
    StandardPageFactory(parent=HomePage.objects.get(pk=other_home.pk), title="Other programme", slug="programme")

    for _ in range(2):
        assert "Other programme" not in client.get("/en/programme/").content.decode()
        assert "Other programme" in client.get("/en/programme/", HTTP_HOST="other.example").content.decode()


def test_a_page_with_sub_routes_is_routed_by_wagtail_every_time(client, site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Summit", slug="summit")
    client.get(event.url)

    response, routing = routing_queries(client, event.url)

    assert response.status_code == 200
    assert any('FROM "wagtailcore_site"' in sql for sql in routing)
