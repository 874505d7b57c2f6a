"""The main menu, breadcrumb and footer are cached, and a publish, unpublish, move or settings change shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import SiteSettings
from tests.factories import FooterFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def menu_of(client, url="/en/"):
    response = client.get(url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index('class="main-menu"') : html.index("</nav>", html.index('class="main-menu"'))]


def test_a_published_page_shows_in_the_menu_on_the_next_request(client, site_tree):
    menu_of(client)  # cached now
    page = StandardPageFactory.build(title="Newly published", slug="newly-published", show_in_menus=True, live=False)
    site_tree.home.add_child(instance=page)
    assert "Newly published" not in menu_of(client)

    page.save_revision().publish()

    assert "Newly published" in menu_of(client)


def test_an_unpublished_page_leaves_the_menu_and_a_renamed_one_changes_at_once(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Programme", show_in_menus=True)
    assert "Programme" in menu_of(client)

    page.title = "The programme"
    page.save_revision().publish()
    assert "The programme" in menu_of(client)

    page.unpublish()
    assert "programme" not in menu_of(client)


def test_a_moved_page_leaves_the_menu_and_its_breadcrumb_follows(client, site_tree):
    page = StandardPageFactory(parent=site_tree.home, title="Moving", show_in_menus=True)
    assert "Moving" in menu_of(client)

    page.move(site_tree.events, pos="last-child")

    assert "Moving" not in menu_of(client)
    html = client.get("/en/events/moving/").content.decode()
    assert '<a href="/en/events/">Events</a>' in html or ">Events</a>" in html.split('class="breadcrumb"')[1]


def test_a_footer_link_added_in_the_settings_shows_at_once(client, site_tree):
    privacy = StandardPageFactory(parent=site_tree.home, title="Privacy notice")
    assert "Privacy notice" not in client.get("/en/").content.decode().split('class="site-footer"')[1]

    settings = SiteSettings.for_site(site_tree.site)
    settings.footer = FooterFactory(links=[("link", {"page": privacy, "label": ""})])
    settings.save()

    assert "Privacy notice" in client.get("/en/").content.decode().split('class="site-footer"')[1]


def test_a_korean_request_gets_the_korean_menu_not_the_cached_english_one(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="Programme", slug="programme", show_in_menus=True)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = StandardPageFactory._meta.model.objects.get(slug="programme", locale__language_code="ko")
    korean.alias_of, korean.title = None, "프로그램"  # translated: no longer the English page's alias
    korean.save()
    english_menu = menu_of(client, "/en/")  # the English menu is cached now

    korean_menu = menu_of(client, "/ko/")

    assert "Programme" in english_menu and 'href="/en/programme/"' in english_menu
    assert "프로그램" in korean_menu and 'href="/ko/programme/"' in korean_menu
    assert "Programme" not in korean_menu and "/en/" not in korean_menu
    assert menu_of(client, "/en/") == english_menu


def test_the_chrome_costs_no_query_once_cached(client, site_tree):
    StandardPageFactory(parent=site_tree.home, title="About", show_in_menus=True)
    child = StandardPageFactory(parent=site_tree.home, title="Contact")
    client.get(child.url)
    with CaptureQueriesContext(connection) as warm:
        client.get(child.url)
    chrome_tables = ("cluster_pages_sitesettings", "cluster_pages_footerlink", "cluster_pages_sociallink")
    assert not [query for query in warm if any(table in query["sql"] for table in chrome_tables)]
