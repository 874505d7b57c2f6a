"""The partner registration (/join/partner/) asks every partner what kind of organisation it is: a company, a
non-profit, a university or research institute, or another kind; the answer is required, kept, exported and
given by the API."""

import pytest
from bs4 import BeautifulSoup

from cluster_pages.models import CompanyRegistration
from tests.api.conftest import Api, as_answers, token_for
from tests.factories import UserFactory
from tests.site_forms.support import company_data

pytestmark = pytest.mark.django_db


def test_the_form_offers_the_four_types_as_radio_buttons_and_nothing_else(client, forms):
    soup = BeautifulSoup(client.get("/en/join/partner/").content, "html.parser")

    radios = soup.find_all("input", attrs={"name": "organisation_type"})
    assert [radio["type"] for radio in radios] == ["radio"] * 4
    labels = [soup.find("label", attrs={"for": radio["id"]}).get_text(strip=True) for radio in radios]
    assert labels == ["Company", "Non-profit organisation", "University or research institute", "Other organisation"]
    assert not any(radio.has_attr("checked") for radio in radios)


def test_a_registration_without_a_type_is_refused_with_a_message_saying_what_to_choose(client, forms):
    response = client.post("/en/join/partner/", company_data(forms, organisation_type=None))

    assert response.status_code == 200
    assert "Choose what kind of organisation you register." in response.content.decode()
    assert not CompanyRegistration.objects.exists()


def test_a_university_registers_and_is_kept_as_one(client, forms):
    response = client.post(
        "/en/join/partner/",
        company_data(forms, organisation_type="academic", company_name="Seoul Institute of Urban Studies"),
    )

    assert response.status_code == 200
    registration = CompanyRegistration.objects.get()
    assert registration.reference in response.content.decode()  # the thank-you page
    assert (registration.organisation_type, registration.get_organisation_type_display()) == (
        "academic",
        "University or research institute",
    )


def test_a_type_that_is_not_offered_is_refused(client, forms):
    client.post("/en/join/partner/", company_data(forms, organisation_type="government"))

    assert not CompanyRegistration.objects.exists()


def test_the_type_is_a_column_of_the_export_and_of_the_applicants_own_data():
    assert CompanyRegistration.export_fields[:3] == ("reference", "state", "organisation_type")
    assert "organisation_type" in CompanyRegistration.core_fields


def test_the_api_describes_the_type_takes_it_and_gives_it_to_staff(forms):
    anonymous = Api()
    schema = anonymous.get(f"workflow-forms/{forms.company.pk}/").json()
    field = {field["name"]: field for field in schema["fields"]}["organisation_type"]
    assert field["required"]
    assert [choice["value"] for choice in field["choices"]] == ["company", "nonprofit", "academic", "other"]

    answers = as_answers(company_data(forms, organisation_type="nonprofit", company_name="Open Data Commons"))
    response = anonymous.post(f"workflow-forms/{forms.company.pk}/submissions/", answers)
    assert response.status_code == 201, response.content
    registration = CompanyRegistration.objects.get()
    assert registration.organisation_type == "nonprofit"

    coordinator = Api(token_for(UserFactory(username="api-coordinator", groups=["Coordinators"])))
    detail = coordinator.get(f"applications/{registration.pk}/").json()
    assert detail["kind"] == "cluster_pages.companyregistration"  # the kind keeps its name (docs/api.md)
    assert "nonprofit" in str(detail)


def test_an_api_submission_without_a_type_gets_a_problem_naming_the_field(forms):
    answers = as_answers(company_data(forms, organisation_type=None))

    response = Api().post(f"workflow-forms/{forms.company.pk}/submissions/", answers)

    assert response.status_code in {400, 422}
    assert response["Content-Type"] == "application/problem+json"
    assert "organisation_type" in response.content.decode()
    assert not CompanyRegistration.objects.exists()
