"""A visitor walks from / to the member directory by links, filters it to one cluster and one country, finds a
consenting member city on the map by keyboard, and finds a member that did not consent nowhere: not on the page,
not on the map, not in the API. Axe finds nothing serious on the directory, with markers, in English and Korean at
1280 and 320 px, and the page does not scroll sideways on a phone."""

import json

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from cluster_pages.models import ThematicClusterPage
from home.demo.loader import demo_content_load
from tests.activation.conftest import city_application

from .conftest import BROWSER
from .test_accessibility_public import DESKTOP, PHONE, _axe_violations, _phone_overflow

pytestmark = BROWSER

TIMEOUT = 60_000


@pytest.fixture
def members(db):
    demo_content_load(with_accounts=False)
    clusters = list(ThematicClusterPage.objects.live().filter(locale__language_code="en").order_by("title"))
    first, second = clusters[0], clusters[1]

    def member(city, country, cluster, *, consent=True, place=(0.0, 0.0)):
        return city_application(
            city=city,
            country=country,
            consent=consent,
            state="active",
            assigned_to=cluster,
            latitude=place[0],
            longitude=place[1],
            map_place="gazetteer",
        )

    return {
        "cluster": first,
        "barcelona": member("Barcelona", "ES", first, place=(41.39, 2.16)),
        "madrid": member("Madrid", "ES", second, place=(40.42, -3.70)),
        "seoul": member("Seoul", "KR", first, place=(37.57, 126.98)),
        "nairobi": member("Nairobi", "KE", first, consent=False, place=(-1.29, 36.82)),
    }


def test_a_visitor_finds_a_listed_city_on_the_map_by_keyboard_and_never_an_unlisted_one(members, live_server, page):
    page.set_default_timeout(TIMEOUT)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Member directory").click()
    expect(page.get_by_role("heading", level=1, name="Member directory")).to_be_visible()

    page.get_by_label("Cluster").select_option(str(members["cluster"].pk))
    page.get_by_label("Country").select_option("ES")
    page.get_by_role("button", name="Apply filters").click()
    expect(page.locator(".directory-entry__name")).to_have_text(["Barcelona"])

    marker = page.get_by_role("link", name="Barcelona, Spain")
    for _press in range(60):  # Tab through the page until the marker has the focus, as a keyboard user does
        page.keyboard.press("Tab")
        if marker.evaluate("element => element === document.activeElement"):
            break
    else:
        pytest.fail("the Barcelona marker was never reached with the Tab key")
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{page.url.split('#')[0]}#city-{members['barcelona'].pk}")

    page.goto(live_server.url + "/en/members/")
    assert "Nairobi" not in page.content()
    expect(page.get_by_role("link", name="Nairobi, Kenya")).to_have_count(0)
    expect(page.locator("a.directory-map__marker")).to_have_count(3)
    api = json.loads(page.request.get(live_server.url + "/api/v3/directory/").text())
    assert sorted(item["name"] for item in api["items"]) == ["Barcelona", "Madrid", "Seoul"]
    assert "Nairobi" not in json.dumps(api)


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_directory_with_its_map_has_no_serious_axe_violation_and_fits_320_px(members, language, live_server, page):
    page.set_default_timeout(TIMEOUT)
    axe = Axe()
    failures = []
    for path in ("members/", f"members/?country=ES&cluster={members['cluster'].pk}"):
        page.set_viewport_size(DESKTOP)
        page.goto(f"{live_server.url}/{language}/{path}")
        expect(page.locator("a.directory-map__marker").first).to_be_attached()
        _counts, blocking, _lesser = _axe_violations(page, axe)
        failures += [f"{path} at 1280 px: {line}" for line in blocking]
        page.set_viewport_size(PHONE)
        _counts, blocking, _lesser = _axe_violations(page, axe)
        failures += [f"{path} at 320 px: {line}" for line in blocking]
        if overflow := _phone_overflow(page):
            failures.append(f"{path} scrolls sideways at 320 px: {overflow}")
    assert failures == []
