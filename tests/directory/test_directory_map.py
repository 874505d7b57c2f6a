"""The map: Natural Earth outlines drawn on the server, one keyboard-reachable marker per listed, placed city,
coordinates from the offline gazetteer when the membership starts; an unplaceable city is listed without a
marker and flagged to staff, who may place it."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail import hooks

from cluster_pages.directory.gazetteer import place_of
from cluster_pages.directory.services import city_place_set
from cluster_pages.directory.worldmap import HEIGHT, WIDTH, land_path, map_point
from tests.activation.conftest import city_application

pytestmark = pytest.mark.django_db


def soup_of(client, url="/en/members/"):
    return BeautifulSoup(client.get(url).content, "html.parser")


def test_the_gazetteer_finds_a_city_by_its_name_or_another_name_in_its_country():
    assert place_of(city="Seoul", country_code="KR").name == "Seoul"
    assert place_of(city="서울", country_code="KR").name == "Seoul"
    assert place_of(city="  bogota ", country_code="CO").name == "Bogotá"
    assert place_of(city="Athens", country_code="US").latitude < 35  # Georgia's, not Greece's
    assert place_of(city="Atlantis", country_code="GR") is None


def test_the_outlines_are_one_path_inside_the_map():
    path = land_path()
    assert path.startswith("M") and path.count("Z") > 100
    x, y = map_point(latitude=37.57, longitude=126.98)
    assert 0 < x < WIDTH and 0 < y < HEIGHT


def test_activation_places_the_city_and_its_marker_names_it_and_leads_to_its_entry(
    client, clusters, activate, directory_page
):
    application = activate(city_application(city="Seoul", country="KR"), clusters.mobility)

    application.refresh_from_db()
    assert application.map_place == "gazetteer"
    assert round(application.latitude, 1) == 37.6
    (marker,) = soup_of(client).select("a.directory-map__marker")
    assert marker["aria-label"] == "Seoul, South Korea"
    assert marker.find("title").get_text() == "Seoul, South Korea"
    assert marker["href"] == f"#city-{application.pk}"
    assert soup_of(client).find(id=f"city-{application.pk}") is not None


def test_an_unplaceable_city_is_listed_without_a_marker_and_flagged_to_staff(
    rf, client, clusters, activate, coordinator, directory_page
):
    application = activate(city_application(city="Atlantis", country="GR"), clusters.mobility)
    application.refresh_from_db()

    soup = soup_of(client)
    assert soup.select("a.directory-map__marker") == []
    assert "(not on the map)" in soup.select_one(".directory-entry").get_text()
    assert application.map_place == "unplaced"
    request = rf.get("/admin/")
    request.user = coordinator
    labels = [
        b["label"] for hook in hooks.get_hooks("workflow_forms_inspect_buttons") for b in hook(application, request)
    ]
    assert "Directory: city not on the map" in labels


def test_staff_place_a_city_by_hand_and_the_marker_appears(client, clusters, activate, coordinator, directory_page):
    application = activate(city_application(city="Atlantis", country="GR"), clusters.mobility)

    city_place_set(application=application, latitude=36.4, longitude=25.4, user=coordinator)

    (marker,) = soup_of(client).select("a.directory-map__marker")
    assert marker["aria-label"] == "Atlantis, Greece"


def test_the_admin_form_refuses_half_a_position(client, clusters, activate, coordinator):
    application = activate(city_application(city="Atlantis", country="GR"), clusters.mobility)
    client.force_login(coordinator)

    response = client.post(
        reverse("cluster_pages_directory_listing", args=[application.pk]), {"listed": "on", "latitude": "12"}
    )

    assert response.status_code == 200
    assert "Give both the latitude and the longitude" in response.content.decode()


def test_the_map_needs_nothing_from_elsewhere(client, clusters, activate, directory_page):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)

    soup = soup_of(client)

    svg = soup.select_one("svg.directory-map__svg")
    assert svg.find("path", class_="directory-map__land")["d"] == land_path()
    stylesheets = soup.find_all("link", rel="stylesheet")
    sources = [tag.get("src") or tag.get("href") for tag in [*soup.find_all(["script", "img"]), *stylesheets]]
    assert not [source for source in sources if source and source.startswith(("http:", "https:", "//"))]
    assert "Natural Earth" in soup.select_one(".directory-map__credit").get_text()


def test_markers_of_entries_on_another_page_of_the_list_lead_there(client, clusters, activate, directory_page):
    directory_page.per_page = 1
    type(directory_page).per_page = 1
    try:
        activate(city_application(city="Seoul", country="KR"), clusters.mobility)
        tallinn = activate(city_application(city="Tallinn", country="EE"), clusters.mobility)
        hrefs = {m["aria-label"]: m["href"] for m in soup_of(client).select("a.directory-map__marker")}
    finally:
        type(directory_page).per_page = 48
    assert hrefs["Tallinn, Estonia"] == f"?page=2#city-{tallinn.pk}"
