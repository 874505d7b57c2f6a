"""Every page offers the same page in the other language, names each language in itself, and tells search
engines about both (hreflang in the head and the sitemap). A page not translated yet says so instead of 404."""

import re

import pytest

pytestmark = pytest.mark.django_db


def switcher(html: str) -> str:
    return re.search(r'<nav class="language-switcher" aria-label="[^"]+">(.*?)</nav>', html, re.S).group(1)


def test_the_switcher_links_to_the_same_page_in_each_language(client, korean_tree):
    html = client.get("/en/join/city/").content.decode()

    links = re.findall(
        r'<a href="([^"]+)" lang="(\w+)" hreflang="\w+"( aria-current="true")?>([^<]+)</a>', switcher(html)
    )
    assert links == [
        ("/en/join/city/", "en", ' aria-current="true"', "English"),
        ("/ko/join/city/", "ko", "", "한국어"),
    ]


def test_a_page_that_is_not_translated_yet_says_so_in_the_visitors_language_and_shows_the_original(client, korean_tree):
    response = client.get("/ko/clusters/")
    html = response.content.decode()

    assert response.status_code == 200
    assert '<html lang="ko"' in html
    assert re.search(r'<main id="main-content"[^>]* lang="en"', html), "the English original is marked as English"
    assert 'class="untranslated-notice"' in html
    assert 'class="untranslated-notice"' not in client.get("/en/clusters/").content.decode()


def test_the_head_names_each_languages_version(client, korean_tree):
    html = client.get("/ko/join/").content.decode()

    assert '<link rel="alternate" hreflang="en" href="http://localhost/en/join/">' in html
    assert '<link rel="alternate" hreflang="ko" href="http://localhost/ko/join/">' in html


def test_views_that_are_not_pages_switch_language_too(client, korean_tree):
    html = client.get("/ko/applications/lost-link/").content.decode()

    assert 'href="/en/applications/lost-link/" lang="en"' in switcher(html)


def test_the_sitemap_lists_both_languages_with_their_alternates(client, korean_tree):
    xml = client.get("/sitemap.xml").content.decode()

    assert "<loc>http://localhost/ko/join/city/</loc>" in xml
    assert '<xhtml:link rel="alternate" hreflang="ko" href="http://localhost/ko/join/city/"/>' in xml
    assert '<xhtml:link rel="alternate" hreflang="en" href="http://localhost/en/join/city/"/>' in xml


def test_the_home_link_and_breadcrumb_of_a_korean_page_lead_to_korean_pages(client, korean_tree):
    html = client.get("/ko/join/city/").content.decode()

    assert '<a class="site-name" href="/ko/"' in html
    breadcrumb = re.search(r'<nav[^>]*class="breadcrumb".*?</nav>', html, re.S).group(0)
    assert 'href="/ko/join/"' in breadcrumb and 'href="/en/' not in breadcrumb
