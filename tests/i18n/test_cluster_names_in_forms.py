"""The forms name each cluster in the language they are shown in (its translation's title, the English title
where it has none), while the value sent and recorded stays the cluster's English (default-language) page: the
city form's tick boxes, the company form's themes, the "already chosen for you" box, the error page, and the API's
form schema under ``?locale=ko`` or ``Accept-Language: ko``. A form class built once is never stuck in the
language it was built in."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import CityApplication, CompanyRegistration

from ..site_forms.support import city_data, company_data

pytestmark = pytest.mark.django_db
KOREAN_TITLE = "스마트 모빌리티"


@pytest.fixture
def translated(forms):
    """The Korean tree synchronised; the active cluster translated, the forming one not yet (an alias)."""
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = forms.active_cluster.get_translation(Locale.objects.get(language_code="ko"))
    Page.objects.filter(pk=korean.pk).update(title=KOREAN_TITLE, alias_of=None)
    forms.korean_active_cluster = korean
    return forms


def tick_boxes(client, url: str, name: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [
        (box["value"], soup.find("label", attrs={"for": box["id"]}).get_text(" ", strip=True))
        for box in soup.select(f"input[type=checkbox][name={name}]")
    ]


def test_the_korean_city_form_names_the_clusters_in_korean_and_offers_the_english_pages(client, translated):
    active, forming = translated.active_cluster, translated.forming_cluster

    korean = tick_boxes(client, "/ko/join/city/", "clusters")
    english = tick_boxes(client, "/en/join/city/", "clusters")

    assert dict(korean) == {str(active.pk): KOREAN_TITLE, str(forming.pk): "Smart Utility (구성 중)"}
    assert dict(english) == {str(active.pk): "Smart Mobility", str(forming.pk): "Smart Utility (forming)"}


def test_the_korean_company_form_names_the_themes_in_korean(client, translated):
    assert dict(tick_boxes(client, "/ko/join/partner/", "themes"))[str(translated.active_cluster.pk)] == KOREAN_TITLE


def test_labels_do_not_leak_between_languages_through_the_built_form_class(client, translated):
    english_page = translated.city
    korean_page = english_page.get_translation(Locale.objects.get(language_code="ko"))

    # Each language's form page asked in the other language first: the form class each builds and keeps must
    # still ask the clusters' names in the language of the form shown.
    with translation.override("ko"):
        english_page.get_form_class()
    with translation.override("en"):
        korean_page.specific.get_form_class()

    assert dict(tick_boxes(client, "/en/join/city/", "clusters"))[str(translated.active_cluster.pk)] == "Smart Mobility"
    assert dict(tick_boxes(client, "/ko/join/city/", "clusters"))[str(translated.active_cluster.pk)] == KOREAN_TITLE
    assert dict(tick_boxes(client, "/en/join/city/", "clusters"))[str(translated.active_cluster.pk)] == "Smart Mobility"


def test_the_cluster_chosen_in_advance_is_named_in_korean(client, translated):
    # The Korean cluster page's own id chooses it (as its "Join this cluster" link does).
    response = client.get(f"/ko/join/city/?cluster={translated.korean_active_cluster.pk}")
    soup = BeautifulSoup(response.content, "html.parser")

    chosen = [item.get_text(strip=True) for item in soup.select(".prefilled__list li")]
    assert chosen == [KOREAN_TITLE]
    box = soup.find("input", attrs={"name": "clusters", "value": str(translated.active_cluster.pk)})
    assert box.has_attr("checked")


def test_a_korean_form_sent_back_with_an_error_keeps_the_korean_names_and_the_choice(client, translated):
    data = city_data(translated, applicant_email="not an address")
    response = client.post("/ko/join/city/", data)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    box = soup.find("input", attrs={"name": "clusters", "value": str(translated.active_cluster.pk)})
    assert box.has_attr("checked")
    assert soup.find("label", attrs={"for": box["id"]}).get_text(strip=True) == KOREAN_TITLE
    assert not CityApplication.objects.exists()


def test_a_korean_submission_records_the_english_cluster_page(client, translated):
    client.post("/ko/join/city/", city_data(translated))
    client.post("/ko/join/partner/", company_data(translated, themes=[str(translated.active_cluster.pk)]))

    assert list(CityApplication.objects.get().clusters.all()) == [translated.active_cluster.page_ptr.specific]
    assert list(CompanyRegistration.objects.get().themes.values_list("pk", flat=True)) == [translated.active_cluster.pk]


def _schema_choices(response) -> dict[str, str]:
    assert response.status_code == 200
    (clusters,) = [field for field in response.json()["fields"] if field["name"] == "clusters"]
    return {choice["value"]: choice["label"] for choice in clusters["choices"]}


@pytest.mark.parametrize(
    ("query", "headers"),
    [("?locale=ko", {}), ("", {"HTTP_ACCEPT_LANGUAGE": "ko"})],
    ids=["locale-parameter", "accept-language"],
)
def test_the_api_form_schema_names_the_clusters_in_the_requested_language(client, translated, query, headers):
    active, forming = translated.active_cluster, translated.forming_cluster
    url = f"/api/v3/workflow-forms/{translated.city.pk}/"

    korean = _schema_choices(client.get(url + query, **headers))
    english = _schema_choices(client.get(url + "?locale=en"))

    assert korean == {str(active.pk): KOREAN_TITLE, str(forming.pk): "Smart Utility (구성 중)"}
    assert english == {str(active.pk): "Smart Mobility", str(forming.pk): "Smart Utility (forming)"}
