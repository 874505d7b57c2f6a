"""Pages and public views live under a language prefix; the admin, API, files, sitemap and robots.txt do not;
addresses without a prefix (links in mails sent before) are redirected, never answered 404."""

import re

import pytest
from django.urls import reverse

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


def test_the_home_page_redirects_to_the_visitors_language(client, site_tree):
    assert client.get("/")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ko-KR,ko;q=0.9")["Location"] == "/ko/"
    assert client.get("/en/").status_code == 200
    assert client.get("/ko/").status_code == 200


def test_a_korean_visitor_gets_the_interface_in_korean(client, site_tree):
    html = client.get("/ko/").content.decode()

    assert '<html lang="ko"' in html


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml", "/api/v3/pages/"])
def test_fixed_addresses_stay_outside_the_language_prefix(client, site_tree, path):
    assert client.get(path).status_code == 200
    assert client.get(f"/en{path}").status_code in (301, 302, 404)


def test_the_admin_is_not_prefixed(client, superuser):
    client.force_login(superuser)
    assert reverse("wagtailadmin_home") == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_status_link_without_a_language_prefix_still_opens_the_status_page(client, forms):
    response = client.post("/en/join/city/", city_data(forms))
    path = re.search(r'href="http://testserver/en(/applications/status/[\w-]+/)"', response.content.decode()).group(1)

    old_link = client.get(path)

    assert old_link.status_code == 302 and old_link["Location"] == f"/en{path}"
    assert client.get(old_link["Location"]).status_code == 200


def test_robots_txt_keeps_robots_out_of_each_languages_private_paths(client, site_tree):
    lines = client.get("/robots.txt").content.decode().splitlines()

    for path in ("/en/applications/", "/ko/applications/", "/ko/account/", "/admin/", "/api/"):
        assert f"Disallow: {path}" in lines
