"""An optional select question starts blank, so skipping it records no answer rather than its first choice."""

import pytest

from cluster_pages.models import CityApplication, CityApplicationFormField

from .support import city_data

pytestmark = pytest.mark.django_db

CHOICES = "A WeGO event\nA colleague in another city\nOther"


def add_select(page, *, label, required):
    return CityApplicationFormField.objects.create(
        page=page, label=label, field_type="dropdown", choices=CHOICES, required=required, sort_order=0
    )


def select_html(html, name):
    start = html.index(f'name="{name}"')
    return html[start : html.index("</select>", start)]


def test_an_optional_select_offers_a_blank_choice_first_and_selected(client, forms):
    add_select(forms.city, label="How did you hear about us?", required=False)

    options = select_html(client.get("/en/join/city/").content.decode(), "how_did_you_hear_about_us")

    assert options.index('<option value="" selected>') < options.index('value="A WeGO event"')


def test_leaving_an_optional_select_blank_records_no_answer(client, forms):
    add_select(forms.city, label="How did you hear about us?", required=False)

    client.post("/en/join/city/", city_data(forms, how_did_you_hear_about_us=""))

    answer = CityApplication.objects.get().answers.get("how_did_you_hear_about_us", {}).get("value")
    assert not answer


def test_a_chosen_answer_is_recorded(client, forms):
    add_select(forms.city, label="How did you hear about us?", required=False)

    client.post("/en/join/city/", city_data(forms, how_did_you_hear_about_us="Other"))

    assert CityApplication.objects.get().answers["how_did_you_hear_about_us"]["value"] == "Other"


def test_a_required_select_offers_only_real_answers(client, forms):
    add_select(forms.city, label="Region", required=True)

    options = select_html(client.get("/en/join/city/").content.decode(), "region")

    assert 'value=""' not in options
