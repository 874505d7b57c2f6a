"""On a phone, a member opens their cluster's workspace, lands on the site's login page and signs in by e-mail."""

import pytest
from playwright.sync_api import expect

from cluster_pages.membership import cluster_workspace_ensure

from ..factories import TEST_PASSWORD, ThematicClusterPageFactory, UserFactory
from .conftest import BROWSER

pytestmark = BROWSER
PHONE = {"width": 375, "height": 740}


@pytest.fixture
def workspace(site_tree):
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility", slug="smart-mobility")
    space = cluster_workspace_ensure(cluster=cluster)
    UserFactory(username="minji@seoul.example", email="minji@seoul.example").groups.add(space.group)
    return space.page


def test_the_login_page_fits_a_phone_and_signs_a_member_in_by_email(workspace, live_server, page):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}{workspace.url}")

    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    fits = page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert fits, "the login page scrolls sideways on a 375 px screen"
    expect(page.get_by_role("link", name="Forgotten your password, or never set one?")).to_be_visible()

    page.get_by_label("E-mail address").fill("MinJi@Seoul.example")
    page.get_by_label("Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Members' workspace")
    assert page.url == f"{live_server.url}{workspace.url}"
