"""The country select: every country in the page's language, in that language's order, and the chosen one
still selected when the form comes back with a problem."""

import re

import pytest
from django.utils import translation
from django_countries import countries
from wagtail.models import Locale

from .support import city_data, company_data

pytestmark = pytest.mark.django_db


def country_options(html: str) -> list[tuple[str, str, bool]]:
    start = html.index('<select name="country"')
    select = html[start : html.index("</select>", start)]
    return [
        (value, label, bool(selected))
        for value, selected, label in re.findall(r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select)
    ]


def test_the_blank_form_offers_every_country_with_the_blank_choice_selected(client, forms):
    options = country_options(client.get("/en/join/city/").content.decode())

    assert options[0] == ("", "---------", True)
    assert ("KR", "South Korea", False) in options and len(options) > 240
    assert [selected for *_, selected in options].count(True) == 1


@pytest.mark.parametrize(("path", "data"), [("/en/join/city/", city_data), ("/en/join/partner/", company_data)])
def test_a_form_shown_again_with_a_problem_keeps_the_chosen_country(client, forms, path, data):
    response = client.post(path, data(forms, country="ES", applicant_email="not an address"))

    options = country_options(response.content.decode())
    assert [(value, selected) for value, _label, selected in options if selected] == [("ES", True)]


def test_the_korean_form_names_and_orders_the_countries_as_django_countries_does_in_korean(client, forms):
    forms.city.copy_for_translation(Locale.objects.get(language_code="ko"), copy_parents=True).save_revision().publish()
    client.get("/en/join/city/")  # the English list is rendered first: the Korean one must not reuse it

    response = client.post("/ko/join/city/", city_data(forms, country="KR", applicant_email="not an address"))

    options = country_options(response.content.decode())
    with translation.override("ko"):
        korean = [(country.code, str(country.name)) for country in countries]
    assert [(value, label) for value, label, _selected in options if value] == korean
    assert ("KR", "대한민국", True) in options


def test_a_value_that_is_no_country_selects_nothing_and_is_not_echoed(client, forms):
    response = client.post("/en/join/city/", city_data(forms, country='"><script>x</script>'))

    html = response.content.decode()
    assert "<script>x</script>" not in html
    assert not any(selected for *_, selected in country_options(html))
