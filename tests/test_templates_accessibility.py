"""Every public page type, rendered with real content, has the accessible structure the templates promise.

One <h1>, a skip link to <main id="main-content">, a labelled main menu and breadcrumb, a header and footer,
labels for every form field, alt text on every image, unique ids, and no colour-only status.
"""

import datetime

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.template import Context, Template, loader
from django.test import RequestFactory
from django.utils import timezone
from wagtail.models import Site

from cluster_pages.models import (
    CaseStudyDocument,
    CaseStudyGalleryImage,
    CaseStudyIndexPage,
    CaseStudyPartner,
    ClusterStatus,
    SiteSettings,
    SocialLink,
)

from .factories import (
    CaseStudyPageFactory,
    ContactFactory,
    EventPageFactory,
    FooterFactory,
    PersonFactory,
    StandardPageFactory,
    ThematicClusterPageFactory,
)

TODAY = timezone.localdate()


@pytest.fixture
def content(site_tree, monkeypatch):
    """A small but complete site: clusters in every status, events, case studies and a join page."""
    monkeypatch.setattr(CaseStudyIndexPage, "per_page", 2)  # three case studies make two pages
    home = site_tree.home
    home.search_description = "Cities and companies working together on smart-city themes."
    home.hero_intro = "<p>Exchange information and build partnerships.</p>"
    home.hero_image = wagtail_factories.ImageFactory(title="Seoul at dusk")
    home.hero_cta_page = site_tree.clusters
    home.hero_cta_label = "See the clusters"
    home.save_revision().publish()
    for index_page in (site_tree.clusters, site_tree.events, site_tree.case_studies):
        index_page.show_in_menus = True
        index_page.save_revision().publish()

    leader = PersonFactory(
        name="Mina Park",
        role="Cluster leader",
        organisation="Seoul Digital Foundation",
        bio="Leads living labs.",
        email="mina@example.org",
        photo=wagtail_factories.ImageFactory(title="Portrait of Mina Park"),
    )
    image = wagtail_factories.ImageFactory(title="A sensor on a street lamp")
    body = [
        ("heading", {"text": "What we work on", "level": "h2"}),
        ("paragraph", "<p>Projects, ongoing or completed.</p>"),
        ("image", {"image": {"image": image, "decorative": False, "alt_text": image.title}, "caption": ""}),
        ("quote", {"text": "Cities learn from cities.", "attribution": "A member"}),
        ("live_figure", {"figure": "active_clusters", "caption": ""}),
        ("call_to_action", {"text": "Ready?", "page": site_tree.clusters, "url": "", "button_label": "Browse"}),
    ]
    living_labs = ThematicClusterPageFactory(
        parent=site_tree.clusters,
        title="Living Labs",
        slug="living-labs",
        leader=leader,
        discussion_url="https://groups.example.org/living-labs",
        body=body,
    )
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", status=ClusterStatus.FORMING)
    ThematicClusterPageFactory(
        parent=site_tree.clusters, title="Waste Management", slug="waste", status=ClusterStatus.ARCHIVED
    )
    home.featured_clusters.create(cluster=living_labs, sort_order=0)

    EventPageFactory(
        parent=site_tree.events,
        title="Seoul Digital Summit",
        slug="summit",
        start_date=TODAY + datetime.timedelta(days=10),
        end_date=TODAY + datetime.timedelta(days=11),
        time_zone="Asia/Seoul",
        venue="City Hall",
        organisers="WeGO and Seoul",
        registration_url="https://example.org/register",
        related_clusters=[living_labs],
    )
    EventPageFactory(
        parent=site_tree.events,
        title="Tech Jam 2018",
        start_date=datetime.date(2018, 6, 20),
        end_date=datetime.date(2018, 6, 22),
    )

    case_studies = [
        CaseStudyPageFactory(parent=site_tree.case_studies, title=f"Seoul open data {n}", cluster=living_labs)
        for n in range(3)
    ]
    first = case_studies[0]
    first.slug = "seoul-open-data"
    first.results = "<p>Forty new services.</p>"
    first.save_revision().publish()
    CaseStudyPartner.objects.create(page=first, name="Acme Sensors", url="https://acme.example.org")
    CaseStudyGalleryImage.objects.create(
        page=first, image=image, alt_text="An air-quality sensor fixed to a lamp post", caption="On a lamp post"
    )
    CaseStudyDocument.objects.create(page=first, document=wagtail_factories.DocumentFactory(title="Project report"))

    join = StandardPageFactory(
        parent=home, title="How to join", slug="join", show_in_menus=True, show_contacts=True, body=body
    )
    ContactFactory(name="Anthony Levero", phone="+82 2 1234 5678")
    site_settings = SiteSettings.for_site(site_tree.site)
    site_settings.footer = FooterFactory(text="WeGO Secretariat, Seoul.")
    site_settings.join_page = join
    site_settings.save()
    SocialLink.objects.create(settings=site_settings, label="LinkedIn", url="https://www.linkedin.com/company/x")
    return site_tree


PAGES = [
    "/en/",
    "/en/clusters/",
    "/en/clusters/living-labs/",
    "/en/clusters/waste/",
    "/en/events/",
    "/en/events/?kind=not-a-kind",
    "/en/events/summit/",
    "/en/case-studies/",
    "/en/case-studies/?country=XX",
    "/en/case-studies/?page=2",
    "/en/case-studies/seoul-open-data/",
    "/en/join/",
    "/en/search/",
    "/en/search/?query=seoul",
    "/en/search/?query=nothingmatchesthis",
]


def soup_for(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return BeautifulSoup(response.content, "html.parser")


def field_has_label(soup, field):
    if field.get("aria-label") or field.get("aria-labelledby"):
        return True
    return bool(field.get("id")) and soup.find("label", attrs={"for": field["id"]}) is not None


def assert_accessible_structure(soup):
    assert soup.html.get("lang"), "the page states its language"
    assert len(soup.find_all("h1")) == 1, "exactly one <h1>"

    skip_link = soup.body.find("a")
    assert skip_link.get("href") == "#main-content", "the first link skips to the main content"
    assert soup.find("main", id="main-content") is not None
    assert soup.find("header") is not None and soup.find("footer") is not None

    for nav in soup.find_all("nav"):
        assert nav.get("aria-label"), f"unlabelled <nav>: {nav}"
    nav_labels = [nav["aria-label"] for nav in soup.find_all("nav")]
    assert len(nav_labels) == len(set(nav_labels)), "landmarks of one kind have distinct labels"
    for form in soup.find_all("form", attrs={"role": "search"}):
        assert form.get("aria-label")

    fields = soup.find_all(["select", "textarea"]) + [
        field for field in soup.find_all("input") if field.get("type") not in ("hidden", "submit", "button")
    ]
    for field in fields:
        assert field_has_label(soup, field), f"form field without a label: {field}"
    for form in soup.find_all("form"):
        assert form.find("button", attrs={"type": "submit"}) is not None, "every form can be submitted"

    for image in soup.find_all("img"):
        assert image.has_attr("alt"), f"image without alt: {image}"

    ids = [element["id"] for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids)), "ids are unique"


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_every_page_type_has_one_h1_a_skip_link_and_labelled_landmarks_and_fields(content, client, url):
    assert_accessible_structure(soup_for(client, url))


@pytest.mark.django_db
def test_missing_page_gets_the_site_404_page_with_the_same_structure(content, client):
    soup = soup_for(client, "/en/no-such-page/", status=404)
    assert_accessible_structure(soup)
    assert "Page not found" in soup.h1.get_text()


def test_server_error_page_renders_without_a_request_or_the_database():
    # No django_db mark: any query here would raise, so rendering at all proves the page needs no database.
    html = loader.get_template("500.html").render()
    soup = BeautifulSoup(html, "html.parser")
    assert len(soup.find_all("h1")) == 1
    assert soup.find("a", href="#main-content") is not None
    assert soup.find("main", id="main-content") is not None


@pytest.mark.django_db
def test_main_menu_lists_the_home_pages_live_menu_children_with_two_queries(content, django_assert_num_queries):
    hidden = StandardPageFactory(parent=content.home, title="Not in menus", show_in_menus=False)
    draft = StandardPageFactory(parent=content.home, title="Draft page", show_in_menus=True, live=False)
    request = RequestFactory().get("/en/")
    # Wagtail's serve view has found the site and cached the site root paths before any template renders.
    Site.find_for_request(request)
    Site.get_site_root_paths()

    # The home page in the visitor's language (its Locale row), then its live menu children.
    with django_assert_num_queries(2):
        html = Template("{% load navigation_tags %}{% main_menu %}").render(Context({"request": request}))

    titles = [link.get_text() for link in BeautifulSoup(html, "html.parser").find_all("a")]
    assert titles == ["Thematic clusters", "Events", "Case studies", "How to join"]
    assert hidden.title not in titles and draft.title not in titles


@pytest.mark.django_db
def test_menu_marks_the_current_section_and_breadcrumb_is_labelled(content, client):
    soup = soup_for(client, "/en/events/summit/")
    menu = soup.find("nav", attrs={"aria-label": "Main menu"})
    assert menu.find("a", attrs={"aria-current": True}).get_text() == "Events"
    breadcrumb = soup.find("nav", attrs={"aria-label": "Breadcrumb"})
    assert [a.get_text() for a in breadcrumb.find_all("a")] == ["Home", "Events", "Seoul Digital Summit"]


@pytest.mark.django_db
def test_home_page_shows_hero_figures_and_each_section_links_to_its_index(content, client):
    soup = soup_for(client, "/en/")
    assert soup.h1.get_text() == content.home.hero_heading
    assert soup.find("meta", attrs={"name": "description"})["content"] == content.home.search_description
    figures = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in soup.select(".figure-list dt")}
    assert figures["Active clusters"] == "1"
    assert figures["Clusters forming"] == "1"
    for href in ("/en/clusters/", "/en/events/", "/en/case-studies/"):
        assert soup.find("a", href=href) is not None
    assert "Living Labs" in soup.get_text()
    assert "Seoul Digital Summit" in soup.get_text()


@pytest.mark.django_db
def test_cluster_index_groups_by_status_and_calls_forming_clusters_tentatively_forming(content, client):
    headings = [h2.get_text() for h2 in soup_for(client, "/en/clusters/").find_all("h2")]
    assert headings == ["Tentatively forming", "Active", "Archived"]


@pytest.mark.django_db
def test_status_badges_carry_the_status_as_text_not_colour_alone(content, client):
    badges = soup_for(client, "/en/clusters/").select(".badge")
    assert [" ".join(badge.get_text().split()) for badge in badges] == [
        "Status: Tentatively forming",
        "Status: Active",
        "Status: Archived",
    ]


@pytest.mark.django_db
def test_without_a_city_form_the_cluster_page_shows_the_leader_and_a_join_link_to_the_join_page(content, client):
    soup = soup_for(client, "/en/clusters/living-labs/")
    assert soup.find("a", string="Join this cluster")["href"] == "/en/join/"
    assert soup.find("a", href="mailto:mina@example.org") is not None
    # The portrait sits beside the leader's name, which says who it is: its alternative text is empty.
    portrait = soup.find("img", class_="person-card__photo")
    assert portrait is not None and portrait["alt"] == ""
    assert soup.find(class_="person-card__name").get_text() == "Mina Park"
    # The discussion space is for members: its link is in the members-only workspace, not here.
    assert soup.find("a", href="https://groups.example.org/living-labs") is None


@pytest.mark.django_db
def test_without_a_join_page_or_form_there_is_no_join_link_and_archived_clusters_have_none(content, client):
    site_settings = SiteSettings.for_site(content.site)
    site_settings.join_page = None
    site_settings.save()
    content.home.get_children().get(slug="join").delete()
    assert soup_for(client, "/en/clusters/living-labs/").find("a", string="Join this cluster") is None
    archived = soup_for(client, "/en/clusters/waste/")
    assert archived.find("a", string="Join this cluster") is None
    assert "accepts no new members" in archived.get_text()


@pytest.mark.django_db
def test_event_index_marks_an_invalid_filter_and_links_to_the_ical_feed(content, client):
    soup = soup_for(client, "/en/events/?kind=not-a-kind")
    kind = soup.find("select", attrs={"name": "kind"})
    assert kind["aria-invalid"] == "true"
    assert soup.find(id=kind["aria-describedby"]).get_text(strip=True).startswith("Select a valid choice")
    assert soup.find("form", class_="filter-form")["method"] == "get"
    text = soup.get_text()
    assert "Seoul Digital Summit" in text and "Tech Jam 2018" in text
    feed = soup.find("a", string=lambda s: s and "iCalendar feed" in s)["href"]
    assert client.get(feed)["Content-Type"].startswith("text/calendar")


@pytest.mark.django_db
def test_event_page_shows_dates_time_zone_and_an_add_to_calendar_link(content, client):
    soup = soup_for(client, "/en/events/summit/")
    start = TODAY + datetime.timedelta(days=10)
    assert soup.find("time", datetime=start.isoformat()) is not None
    # The zone as visitors read it, not the tz database's "Asia/Seoul" (which its abbreviation's title gives).
    zone = soup.find("dt", string="Time zone").find_next_sibling("dd").find("abbr")
    assert (zone.get_text(), zone["title"]) == ("KST", "Asia/Seoul")
    assert "Asia/Seoul" not in soup.get_text()
    assert soup.find("a", string="Register for this event")["href"] == "https://example.org/register"
    ics = soup.find("a", string="Add to calendar (.ics)")["href"]
    assert client.get(ics)["Content-Type"].startswith("text/calendar")


@pytest.mark.django_db
def test_case_study_index_shows_the_unfiltered_list_under_an_invalid_filter_and_paginates_with_the_filter(
    content, client
):
    invalid = soup_for(client, "/en/case-studies/?country=XX")
    assert invalid.find("select", attrs={"name": "country"})["aria-invalid"] == "true"
    assert invalid.find("h2", id="results-heading").get_text(strip=True) == "3 case studies"

    filtered = soup_for(client, "/en/case-studies/?status=ongoing")
    next_link = filtered.find("a", rel="next")["href"]
    assert "status=ongoing" in next_link and "page=2" in next_link


@pytest.mark.django_db
def test_case_study_page_lists_facts_partners_images_and_documents(content, client):
    soup = soup_for(client, "/en/case-studies/seoul-open-data/")
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text(strip=True) for dt in soup.select(".facts dt")}
    assert facts["City"] == "Seoul" and facts["Country"] == "South Korea" and facts["Cluster"] == "Living Labs"
    assert [h2.get_text() for h2 in soup.find_all("h2")] == [
        "Challenge",
        "Solution",
        "Results",
        "Partners",
        "Images",
        "Documents",
    ]
    # The gallery's alt text is the page's own words for this use, not the image library's title.
    assert soup.find("img", alt="An air-quality sensor fixed to a lamp post") is not None
    assert soup.find("img", alt="A sensor on a street lamp") is None
    assert soup.find("a", string="Project report") is not None


@pytest.mark.django_db
def test_standard_page_renders_every_block_and_the_contacts(content, client):
    soup = soup_for(client, "/en/join/")
    assert soup.find("h2", string="What we work on") is not None
    assert soup.find("blockquote") is not None
    assert soup.find("a", string="Browse")["href"] == "/en/clusters/"
    assert soup.select_one(".figure-list dd").get_text() == "1"
    assert "Anthony Levero" in soup.find("section", class_="contacts").get_text()


@pytest.mark.django_db
def test_search_shows_type_and_summary_or_says_there_are_no_results(content, client):
    soup = soup_for(client, "/en/search/?query=living")
    result = soup.find("a", string="Living Labs").find_parent("li")
    assert result.find(class_="search-result__type").get_text() == "Cluster"
    assert "Cities working together on living labs." in result.get_text()
    assert "No results" in soup_for(client, "/en/search/?query=nothingmatchesthis").get_text()
