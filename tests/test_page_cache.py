"""Whole pages are cached for anonymous readers only, and a publish shows on the very next request in every language."""

import re

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import StandardPage
from tests.factories import StandardPageFactory, ThematicClusterPageFactory
from tests.test_cluster_page_query_counts import add_members

from .site_forms.support import city_data, forms  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

NONCE = re.compile(r'nonce="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300  # as deployed; the test settings turn it off for the rest of the suite


def stored_pages() -> int:
    return len(caches["pages"]._cache)


@pytest.fixture
def programme(site_tree):
    """A page "Programme" in English and its Korean translation "프로그램", both live."""
    page = StandardPageFactory(parent=site_tree.home, title="Programme", slug="programme", body=[])
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = StandardPage.objects.get(slug="programme", locale__language_code="ko")
    korean.alias_of, korean.title = None, "프로그램"
    korean.save_revision().publish()
    return page, korean


def test_the_second_anonymous_request_is_served_from_the_cache_without_a_query(client, programme):
    first = client.get("/en/programme/")
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/en/programme/")

    assert first.status_code == second.status_code == 200
    assert first.headers["X-Page-Cache"] == "miss" and second.headers["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert NONCE.sub("", first.content.decode()) == NONCE.sub("", second.content.decode())


@pytest.fixture
def page_with_a_script(monkeypatch):
    """Standard pages end with an inline script carrying the request's CSP nonce."""
    serve = StandardPage.serve

    def serve_with_a_script(page, request, *args, **kwargs):
        response = serve(page, request, *args, **kwargs)
        response.render()
        response.content += f'<script nonce="{request.csp_nonce}">let x = 1;</script>'.encode()
        return response

    monkeypatch.setattr(StandardPage, "serve", serve_with_a_script)


def test_a_cached_page_gets_a_fresh_nonce_in_its_body_and_its_header(client, programme, page_with_a_script):
    first = client.get("/en/programme/")
    second = client.get("/en/programme/")

    first_nonces = set(NONCE.findall(first.content.decode()))
    second_nonces = set(NONCE.findall(second.content.decode()))
    assert len(first_nonces) == len(second_nonces) == 1
    assert first_nonces != second_nonces
    (nonce,) = second_nonces
    assert f"'nonce-{nonce}'" in second.headers["Content-Security-Policy"]
    assert "\x00" not in second.content.decode()


@pytest.mark.parametrize("edit", ["title", "unpublish"])
def test_a_publish_shows_on_the_very_next_request_in_english_and_korean(client, programme, edit):
    english, korean = programme
    for url in ("/en/programme/", "/ko/programme/"):
        client.get(url)
        assert client.get(url).headers["X-Page-Cache"] == "hit"

    for page, title in ((english, "The programme"), (korean, "새 프로그램")):
        if edit == "title":
            page.title = title
            page.save_revision().publish()
        else:
            page.unpublish()

    english_answer, korean_answer = client.get("/en/programme/"), client.get("/ko/programme/")
    if edit == "title":
        assert "The programme" in english_answer.content.decode()
        assert "새 프로그램" in korean_answer.content.decode()
    else:
        assert english_answer.status_code == korean_answer.status_code == 404


def test_english_and_korean_are_cached_apart(client, programme):
    client.get("/en/programme/")
    korean = client.get("/ko/programme/")

    assert korean.headers["X-Page-Cache"] == "miss"
    assert "프로그램" in korean.content.decode()


def test_signed_in_readers_are_never_served_or_stored(client, programme, editor):
    client.get("/en/programme/")  # the anonymous copy
    client.force_login(editor)

    response = client.get("/en/programme/")

    assert response.status_code == 200 and "X-Page-Cache" not in response.headers
    assert stored_pages() == 1


def test_a_reader_with_a_session_is_neither_served_nor_stored(client, programme):
    client.cookies["sessionid"] = "anything"
    response = client.get("/en/programme/")

    assert "X-Page-Cache" not in response.headers and stored_pages() == 0


def test_a_form_with_a_csrf_token_is_never_stored(client, forms):  # noqa: F811 - fixture
    first = client.get("/en/join/city/")
    second = Client().get("/en/join/city/")

    assert 'name="csrfmiddlewaretoken"' in first.content.decode()
    assert first.headers["X-Page-Cache"] == second.headers["X-Page-Cache"] == "skip"
    assert first.cookies["csrftoken"].value and stored_pages() == 0


def test_the_thank_you_page_and_the_status_page_are_never_stored(client, forms):  # noqa: F811 - fixture
    answer = client.post("/en/join/city/", city_data(forms), follow=True)
    status_path = re.search(r'href="http://testserver(/en/applications/status/[\w-]+/)"', answer.content.decode())[1]

    status = Client().get(status_path)

    assert status.status_code == 200 and "X-Page-Cache" not in status.headers
    assert stored_pages() == 0


def test_a_preview_is_never_stored(client, programme, superuser):
    english, _korean = programme
    client.force_login(superuser)

    response = client.get(f"/admin/pages/{english.pk}/view_draft/")

    assert response.status_code == 200 and stored_pages() == 0


def test_the_answer_varies_on_the_cookie_and_revalidates(client, programme):
    for response in (client.get("/en/programme/"), client.get("/en/programme/")):
        assert "Cookie" in response.headers["Vary"]
        assert "no-cache" in response.headers["Cache-Control"]
        assert response.headers["ETag"] and response.headers["Last-Modified"]


def test_a_conditional_get_of_an_unchanged_page_answers_304_without_a_body_or_a_policy(client, programme):
    first = client.get("/en/programme/")

    by_etag = client.get("/en/programme/", HTTP_IF_NONE_MATCH=first.headers["ETag"])
    by_date = client.get("/en/programme/", HTTP_IF_MODIFIED_SINCE=first.headers["Last-Modified"])

    for response in (by_etag, by_date):
        assert response.status_code == 304 and response.content == b""
        assert "Content-Security-Policy" not in response.headers
        assert response.headers["ETag"] == first.headers["ETag"]


def test_a_conditional_get_after_a_publish_gets_the_new_page(client, programme):
    english, _korean = programme
    first = client.get("/en/programme/")
    english.title = "The programme"
    english.save_revision().publish()

    response = client.get("/en/programme/", HTTP_IF_NONE_MATCH=first.headers["ETag"])

    assert response.status_code == 200 and "The programme" in response.content.decode()


def test_page_cache_seconds_zero_turns_it_off(client, programme, settings):
    settings.PAGE_CACHE_SECONDS = 0

    client.get("/en/programme/")

    assert "X-Page-Cache" not in client.get("/en/programme/").headers and stored_pages() == 0


def test_a_new_active_member_shows_on_the_cached_cluster_page_at_once(client, site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Growing")
    client.get(cluster.url)
    assert client.get(cluster.url).headers["X-Page-Cache"] == "hit"

    (member,) = add_members(cluster, 1)

    response = client.get(cluster.url)
    assert response.headers["X-Page-Cache"] == "miss" and member.city in response.content.decode()


def test_pages_invalidate_renews_every_cached_page(client, programme):
    from cluster_pages.page_cache import pages_invalidate

    client.get("/en/programme/")
    pages_invalidate()

    assert client.get("/en/programme/").headers["X-Page-Cache"] == "miss"
