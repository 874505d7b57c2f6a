"""Wrong status links on the site: limited per IP address, then a styled 429 page for every status link."""

import re

import pytest
from django.test import Client

from .support import city_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(client, forms):
    """(nothing, status URL path) of a city application just submitted through the form."""
    response = client.post("/en/join/city/", city_data(forms))
    path = re.search(r'href="http://testserver(/en/applications/status/[\w-]+/)"', response.content.decode()).group(1)
    return None, path


def test_after_the_allowed_wrong_links_the_address_gets_a_styled_429_page(client, applied, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, path = applied
    for attempt in range(3):
        assert client.get(f"/en/applications/status/wrong-{attempt}/").status_code == 404

    refused = client.get(path)
    withdraw = client.get(path + "withdraw/")

    assert refused.status_code == withdraw.status_code == 429
    html = refused.content.decode()
    assert "Too many attempts" in html and "Lost your link?" in html
    assert 'rel="stylesheet"' in html
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert "no-store" in refused["Cache-Control"]


def test_another_address_still_opens_its_right_link(client, applied, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, path = applied
    for attempt in range(4):
        client.get(f"/en/applications/status/wrong-{attempt}/")

    assert Client(REMOTE_ADDR="203.0.113.9").get(path).status_code == 200


def test_once_limited_the_data_export_page_of_a_right_link_is_refused_too(client, applied, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, path = applied
    for attempt in range(3):
        assert client.get(f"/en/applications/status/wrong-{attempt}/my-data/").status_code == 404

    assert client.get(path + "my-data/").status_code == 429
    assert client.post(path + "my-data/").status_code == 429
    assert client.get(path + "edit/").status_code == 429


def test_wrong_links_to_the_data_export_page_count_against_the_address(client, applied, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "3/h"
    _application, path = applied
    for attempt in range(3):
        client.get(f"/en/applications/status/wrong-{attempt}/my-data/")

    assert client.get(path).status_code == 429


def test_too_many_wrong_links_and_too_many_requests_share_one_page(client, applied, settings):
    settings.WORKFLOW_FORMS_STATUS_LINK_RATE_LIMIT = "1/h"
    settings.WORKFLOW_FORMS_RATE_LIMIT = "1/h"
    client.get("/en/applications/status/wrong/")
    for _ in range(2):
        lost_link = client.post("/en/applications/lost-link/", {"email": "nobody@nowhere.example"})

    status = client.get(applied[1])

    assert lost_link.status_code == status.status_code == 429
    for response in (lost_link, status):
        assert "workflows/too_many_requests.html" in [template.name for template in response.templates]
    assert "Lost your link?" in status.content.decode()
    assert "too many submissions from your network" in lost_link.content.decode()
