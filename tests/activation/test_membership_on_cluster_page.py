"""An active city application makes its city a member of its cluster, an active company registration makes
the company a partner; the cluster page names those who consented and counts the others."""

import pytest
from bs4 import BeautifulSoup

from cluster_pages.membership import members_of, partners_of

from .conftest import city_application, company_registration

pytestmark = pytest.mark.django_db


def members_section(client, cluster):
    response = client.get(cluster.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": "members-heading"})


def listed(section, heading_id):
    items = section.find("ul", attrs={"aria-labelledby": heading_id})
    return [li.get_text(" ", strip=True) for li in items.find_all("li")] if items else []


def test_an_activated_city_is_listed_as_a_member_with_its_country(client, clusters, activate):
    section = members_section(client, clusters.mobility)
    assert "No member cities yet." in section.get_text()

    activate(city_application(city="Seoul", country="KR"), clusters.mobility)

    section = members_section(client, clusters.mobility)
    assert listed(section, "member-cities-heading") == ["Seoul, South Korea"]


def test_a_city_that_did_not_consent_is_counted_but_not_named(client, clusters, activate):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    activate(city_application(city="Quito", country="EC", consent=False), clusters.mobility)

    section = members_section(client, clusters.mobility)

    assert listed(section, "member-cities-heading") == ["Seoul, South Korea"]
    assert "and 2 more cities" in section.get_text(" ", strip=True)
    assert "Lima" not in section.get_text() and "Quito" not in section.get_text()
    roster = members_of(clusters.mobility)
    assert (roster.total, roster.others) == (3, 2)


def test_an_activated_company_is_listed_as_a_partner_with_its_website(client, clusters, activate):
    activate(company_registration(name="Urban Sensors GmbH"), clusters.mobility)
    activate(company_registration(name="MoveWell Ltd", consent=False), clusters.mobility)

    section = members_section(client, clusters.mobility)

    assert listed(section, "partner-companies-heading") == ["Urban Sensors GmbH (Company)"]
    link = section.find("a", string="Urban Sensors GmbH")
    assert link["href"] == "https://urban.example.org"
    assert "and 1 more organisation" in section.get_text(" ", strip=True)
    assert "MoveWell" not in section.get_text()


def test_only_active_applications_of_this_cluster_count(client, clusters, activate, run, coordinator, end):
    activate(city_application(city="Seoul"), clusters.water)  # another cluster
    assigned = city_application(city="Athens", country="GR")
    assigned = run(application=assigned, name="review", user=coordinator)
    run(application=assigned, name="assign", user=coordinator, target=clusters.mobility)  # not yet active
    ended = activate(city_application(city="Makati", country="PH"), clusters.mobility)
    end(ended)

    assert members_of(clusters.mobility).total == 0
    assert "No member cities yet." in members_section(client, clusters.mobility).get_text()
    assert members_of(clusters.water).total == 1


def test_a_city_with_two_active_projects_in_a_cluster_is_one_member(clusters, activate):
    activate(city_application(city="Seoul", email="a@seoul.example.org"), clusters.mobility)
    activate(city_application(city=" seoul ", email="b@seoul.example.org", consent=False), clusters.mobility)

    roster = members_of(clusters.mobility)

    assert roster.total == 1
    assert [member.city for member in roster.named] == ["Seoul"]


def test_the_api_gives_consented_members_partners_and_the_counts(client, clusters, activate):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    activate(company_registration(name="Urban Sensors GmbH"), clusters.mobility)

    body = client.get(f"/api/v3/pages/{clusters.mobility.pk}/").json()

    assert body["members"] == [{"city": "Seoul", "country_code": "KR", "country": "South Korea"}]
    assert body["partners"] == [
        {
            "name": "Urban Sensors GmbH",
            "website": "https://urban.example.org",
            "country_code": "DE",
            "organisation_type": "company",
        }
    ]
    assert body["figures"] == {"member_cities": 2, "partner_companies": 1, "partners_by_type": {"company": 1}}
    assert body["status"] == "active"
    assert "discussion_url" not in body  # members only
    assert partners_of(clusters.mobility).total == 1
