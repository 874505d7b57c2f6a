"""GET /api/v3/directory/: only listed entries and only their consented fields, in the OpenAPI document."""

import pytest

from tests.activation.conftest import city_application, company_registration

pytestmark = pytest.mark.django_db


def test_the_api_gives_only_listed_entries_and_only_consented_fields(client, clusters, activate):
    activate(city_application(city="Seoul", country="KR", project_title="Hidden title"), clusters.mobility)
    activate(
        city_application(city="Tallinn", country="EE", project_title="Once-only", consent_project_title=True),
        clusters.mobility,
    )
    activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    activate(company_registration(name="Urban Sensors GmbH"), clusters.water)

    body = client.get("/api/v3/directory/").json()

    items = {item["name"]: item for item in body["items"]}
    assert sorted(items) == ["Seoul", "Tallinn", "Urban Sensors GmbH"]
    assert items["Seoul"]["project_title"] is None and "Hidden title" not in str(body)
    assert items["Tallinn"]["project_title"] == "Once-only"
    assert items["Seoul"]["location"]["latitude"] == pytest.approx(37.57, abs=0.1)
    assert items["Urban Sensors GmbH"]["type"] == "company" and items["Urban Sensors GmbH"]["location"] is None
    assert items["Urban Sensors GmbH"]["clusters"] == [{"id": clusters.water.pk, "title": "Water"}]
    for item in items.values():
        assert "applicant_email" not in item and "website" not in item
    assert body["counts"] == {
        "member_cities": 3,
        "listed_member_cities": 2,
        "partner_organisations": 1,
        "listed_partner_organisations": 1,
        "matching": 3,
    }


def test_the_api_filters_like_the_page(client, clusters, activate):
    activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Tallinn", country="EE"), clusters.water)

    body = client.get("/api/v3/directory/", {"cluster": clusters.water.pk, "country": "EE"}).json()

    assert [item["name"] for item in body["items"]] == ["Tallinn"]


def test_the_operation_is_in_the_openapi_document(client, db):
    document = client.get("/api/v3/openapi.json").json()

    operation = document["paths"]["/api/v3/directory/"]["get"]
    assert operation["operationId"] == "directory_list"
    assert {parameter["name"] for parameter in operation["parameters"]} >= {"cluster", "country", "type", "q", "locale"}
    assert "400" in operation["responses"]
