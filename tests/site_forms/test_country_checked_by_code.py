"""A country answer is checked by its code, in the form and in the model: the same answers are refused with the
same messages, and a valid submission never lists the 250 translated names to find one."""

import pytest
from django.core.exceptions import ValidationError
from django_countries import Countries

from cluster_pages.country_field import CountryCodeChoiceField
from cluster_pages.models import CityApplication, CompanyRegistration

from .support import city_data, company_data

pytestmark = pytest.mark.django_db


def names_never_listed(monkeypatch):
    def listed(self):
        raise AssertionError("the countries were listed by name")

    monkeypatch.setattr(Countries, "__iter__", listed)


@pytest.mark.parametrize(
    ("path", "data", "model"),
    [("/en/join/city/", city_data, CityApplication), ("/en/join/partner/", company_data, CompanyRegistration)],
)
def test_a_valid_application_is_stored_without_listing_the_countries(client, forms, monkeypatch, path, data, model):
    client.get(path)  # the blank form lists every country, by name; loading the site's URLs lists them too
    names_never_listed(monkeypatch)

    response = client.post(path, data(forms, country="ES"))

    assert response.status_code in (200, 303)  # the thank-you page, or the redirect to it
    assert model.objects.get().country.code == "ES"


@pytest.mark.parametrize("answer", ["XX", "es", "ESP", "E", "ES ", "724"])
def test_what_is_no_country_code_is_refused_by_the_form_as_before(client, forms, answer):
    response = client.post("/en/join/city/", city_data(forms, country=answer))

    assert response.status_code == 200
    assert "Select a valid choice." in response.content.decode()
    assert not CityApplication.objects.exists()


def test_the_form_field_checks_the_model_fields_codes(forms):
    field = CityApplication._meta.get_field("country").formfield()

    assert isinstance(field, CountryCodeChoiceField)
    assert field.clean("KR") == "KR"
    with pytest.raises(ValidationError) as refused:
        field.clean("XX")
    assert refused.value.code == "invalid_choice"


@pytest.mark.parametrize(("value", "code"), [("XX", "invalid_choice"), ("", "blank")])
def test_the_model_refuses_what_is_no_country_as_django_would(value, code):
    field = CityApplication._meta.get_field("country")

    with pytest.raises(ValidationError) as refused:
        field.clean(value, CityApplication())
    assert refused.value.code == code
    assert field.clean("KR", CityApplication()) == "KR"


def test_an_event_without_a_country_is_still_allowed():
    from cluster_pages.models import EventPage

    field = EventPage._meta.get_field("country")
    assert field.clean("", EventPage()) == ""


def test_the_form_field_alone_checks_django_countries_codes():
    field = CountryCodeChoiceField(choices=[])

    assert field.valid_value("KR") and not field.valid_value("XX")
