"""What robots and link previews read: robots.txt, the sitemap, canonical URLs, Open Graph and Twitter tags."""

import re

import pytest
from django.test import override_settings

from cluster_pages.membership import cluster_workspace_ensure

from .factories import StandardPageFactory, ThematicClusterPageFactory

pytestmark = pytest.mark.django_db


def meta(html: str, key: str) -> str | None:
    """The content of the <meta> whose name or property is ``key``."""
    match = re.search(rf'<meta (?:name|property)="{re.escape(key)}" content="([^"]*)"', html)
    return match.group(1) if match else None


def canonical(html: str) -> str | None:
    match = re.search(r'<link rel="canonical" href="([^"]*)"', html)
    return match.group(1) if match else None


def sitemap_locations(client) -> list[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/xml"
    return re.findall(r"<loc>([^<]+)</loc>", response.content.decode())


def test_robots_txt_allows_the_site_keeps_out_of_private_paths_and_names_the_sitemap(client, site_tree):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines and "Allow: /" in lines
    for path in ("/admin/", "/en/applications/", "/en/account/", "/api/", "/en/clusters/*/members"):
        assert f"Disallow: {path}" in lines
    assert "Sitemap: http://localhost/sitemap.xml" in lines  # the Site's address, absolute


def test_the_sitemap_lists_live_public_pages_but_not_drafts_or_members_workspaces(client, site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", slug="smart-mobility")
    workspace = cluster_workspace_ensure(cluster=cluster).page
    StandardPageFactory(parent=site_tree.home, title="Draft", slug="draft", live=False)

    locations = sitemap_locations(client)

    for path in ("/en/", "/en/clusters/", "/en/clusters/smart-mobility/", "/en/events/", "/en/case-studies/"):
        assert f"http://localhost{path}" in locations, path
    assert f"http://localhost{workspace.url}" not in locations
    assert "http://localhost/draft/" not in locations


def test_every_page_has_an_absolute_canonical_url_and_link_preview_tags(client, site_tree):
    about = StandardPageFactory(
        parent=site_tree.home, title="About", slug="about", search_description="Who we are and what we do."
    )

    html = client.get("/en/about/?utm_source=newsletter").content.decode()

    assert canonical(html) == "http://localhost/en/about/"
    assert meta(html, "og:url") == "http://localhost/en/about/"
    assert meta(html, "og:title") == meta(html, "twitter:title") == about.title
    assert meta(html, "description") == meta(html, "og:description") == "Who we are and what we do."
    assert meta(html, "og:image") == meta(html, "twitter:image") == "http://localhost/static/img/social-card.png"
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "robots") is None


def test_a_page_without_a_search_description_is_described_by_its_introduction(client, site_tree):
    intro = "<p>The <b>Global City Teams</b> Challenge (NIST &amp; DHS S&amp;T).</p>"
    StandardPageFactory(parent=site_tree.home, slug="gctc", intro=intro)

    html = client.get("/en/gctc/").content.decode()

    assert meta(html, "og:description") == "The Global City Teams Challenge (NIST &amp; DHS S&amp;T)."


def test_the_home_pages_hero_image_is_its_preview_image(client, site_tree, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    image = get_image_model().objects.create(title="Hero", file=get_test_image_file())
    site_tree.home.hero_image = image
    site_tree.home.save_revision().publish()

    html = client.get("/en/").content.decode()

    assert re.fullmatch(r"http://localhost/media/images/\S+\.fill-1200x630\.png", meta(html, "og:image"))


def test_views_that_are_not_pages_have_a_canonical_url_too_and_private_ones_are_not_indexed(client, site_tree):
    html = client.get("/en/account/login/?next=/en/clusters/").content.decode()

    assert canonical(html) == "http://localhost/en/account/login/"
    assert meta(html, "og:title") == "WeGO Thematic Clusters"
    assert meta(html, "robots") == "noindex"


@override_settings(WAGTAILADMIN_BASE_URL="https://clusters.example.org")
def test_urls_follow_the_sites_public_address(client, site_tree):
    site_tree.site.hostname, site_tree.site.port = "clusters.example.org", 443
    site_tree.site.save()

    html = client.get("/en/", HTTP_HOST="clusters.example.org").content.decode()

    assert canonical(html) == "https://clusters.example.org/en/"
    assert meta(html, "og:image").startswith("https://clusters.example.org/static/")


def test_every_page_names_its_icons_and_favicon_ico_finds_them(client, site_tree):
    html = client.get("/en/").content.decode()

    assert '<link rel="icon" href="/static/img/favicon.svg" type="image/svg+xml">' in html
    assert '<img class="site-name__logo" src="/static/img/logo-mark.svg"' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/img/favicon.png"
