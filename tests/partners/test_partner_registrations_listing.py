"""Staff see each partner registration's type in its own column of Applications › Partner registrations, and
filter the listing by it."""

import pytest
from bs4 import BeautifulSoup

from tests.activation.conftest import company_registration

pytestmark = pytest.mark.django_db
LISTING = "/admin/applications/company-registrations/"


def rows(client, **query):
    response = client.get(LISTING, query)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup, [
        [cell.get_text(" ", strip=True) for cell in row("td")] for row in soup.select("#listing-results tbody tr")
    ]


def test_the_type_is_a_column_and_a_filter_of_the_partner_registrations(client, coordinator):
    company_registration(name="Urban Sensors GmbH", organisation_type="company")
    company_registration(name="Seoul Institute of Urban Studies", organisation_type="academic")
    client.force_login(coordinator)

    soup, everyone = rows(client)
    assert soup.find("h1").get_text(strip=True) == "Partner registrations"
    assert any("University or research institute" in cells for cells in everyone)
    assert any("Company" in cells for cells in everyone)
    assert "Type of organisation" in str(soup.select_one("#listing-results thead"))

    _soup, academic = rows(client, organisation_type="academic")
    assert len(academic) == 1
    assert "Seoul Institute of Urban Studies" in " ".join(academic[0])
    filters = BeautifulSoup(client.get(LISTING).content, "html.parser")
    assert filters.find("select", attrs={"name": "organisation_type"}) is not None
