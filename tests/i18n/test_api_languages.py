"""Headless: the form schema answers in the requested language (``?locale=`` or Accept-Language), an API
submission records it, and Wagtail's page endpoints filter by locale and find a page's translations."""

import json

import pytest

from cluster_pages.models import CityApplication

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


def submit(client, forms, query=""):
    data = city_data(forms)
    data["clusters"] = [int(pk) for pk in data["clusters"]]
    data["consent_public_listing"] = data["consent_privacy"] = True
    return client.post(
        f"/api/v3/workflow-forms/{forms.city.pk}/submissions/{query}",
        json.dumps(data),
        content_type="application/json",
    )


def test_an_api_submission_records_the_locale_asked_for(client, forms):
    response = submit(client, forms, "?locale=ko")

    assert response.status_code == 201, response.content
    assert CityApplication.objects.get().language == "ko"
    assert "/ko/applications/status/" in response.json()["status_url"]


def test_an_api_submission_without_locale_records_the_accept_language(client, forms):
    data = city_data(forms)
    data["clusters"] = [int(pk) for pk in data["clusters"]]
    data["consent_public_listing"] = data["consent_privacy"] = True
    response = client.post(
        f"/api/v3/workflow-forms/{forms.city.pk}/submissions/",
        json.dumps(data),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="ko",
    )

    assert response.status_code == 201, response.content
    assert CityApplication.objects.get().language == "ko"


def test_an_unknown_locale_is_refused_with_the_sites_languages(client, forms):
    response = client.get(f"/api/v3/workflow-forms/{forms.city.pk}/?locale=xx")

    assert response.status_code == 400
    assert "xx" in response.json()["detail"] and "ko" in response.json()["detail"]
    assert not CityApplication.objects.exists()


def test_an_empty_locale_is_no_choice_not_an_error(client, forms):
    """Found by fuzz-api: ``?locale=`` (a blank field of a front end's form) answered 400."""
    assert client.get(f"/api/v3/workflow-forms/{forms.city.pk}/?locale=").status_code == 200
    assert client.get("/api/v3/workflow-forms/?locale=").status_code == 200


def test_the_form_schema_of_the_korean_version_is_the_korean_pages(client, korean_tree):
    english = client.get(f"/api/v3/workflow-forms/{korean_tree.city.pk}/").json()
    korean = client.get(f"/api/v3/workflow-forms/{korean_tree.city.pk}/?locale=ko").json()

    assert english["id"] == korean_tree.city.pk
    assert korean["id"] != korean_tree.city.pk, "the Korean translation (an alias until translated)"
    assert [field["name"] for field in korean["fields"]] == [field["name"] for field in english["fields"]]


def test_wagtails_page_api_filters_by_locale_and_finds_translations(client, korean_tree):
    korean_response = client.get("/api/v3/pages/?locale=ko&limit=20")
    assert korean_response.status_code == 200, korean_response.content
    korean = korean_response.json()
    english = client.get("/api/v3/pages/?locale=en&limit=20").json()
    translations = client.get(f"/api/v3/pages/?translation_of={korean_tree.city.pk}").json()

    assert {item["meta"]["locale"] for item in korean["items"]} == {"ko"}
    assert {item["meta"]["locale"] for item in english["items"]} == {"en"}
    assert [item["meta"]["locale"] for item in translations["items"]] == ["ko"]


def test_the_form_list_shows_each_form_once_in_the_language_asked_for(client, korean_tree):
    english = client.get("/api/v3/workflow-forms/").json()
    korean = client.get("/api/v3/workflow-forms/?locale=ko").json()

    assert {item["id"] for item in english} == {korean_tree.city.pk, korean_tree.company.pk, korean_tree.theme.pk}
    assert len(korean) == 3 and not {item["id"] for item in korean} & {item["id"] for item in english}
    assert all(item["url_path"].startswith("/ko/") for item in korean)
