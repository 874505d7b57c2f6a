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
