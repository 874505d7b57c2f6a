"""Site search answers in the visitor's language: each page once, as its Korean version for a Korean visitor and
its English one for an English visitor, whichever language the words matched in; a page with no version in the
visitor's language is found in English."""

import pytest
from wagtail.models import Locale, Page
from wagtail.search.index import insert_or_update_object
from wagtail_localize.synctree import synchronize_tree

from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def case_study(site_tree):
    study = CaseStudyPageFactory(
        parent=site_tree.case_studies, title="Minibuses on demand", summary="Mobility for the urban edge."
    )
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Bike lanes", summary="Painted cycleways.")
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = study.get_translation(Locale.objects.get(language_code="ko")).specific
    korean.title, korean.summary, korean.alias_of = "수요응답형 미니버스", "도시 외곽의 모빌리티.", None
    korean.save()
    for page in Page.objects.live().specific():
        insert_or_update_object(page)  # the index tasks would do this in the background
    return study


def found(client, language, query):
    response = client.get(f"/{language}/search/", {"query": query})
    assert response.status_code == 200
    return [(page.title, page.url) for page in response.context["search_results"]]


@pytest.mark.parametrize("query", ["mobility", "모빌리티"])
def test_an_english_visitor_finds_the_english_page_once(client, case_study, query):
    assert found(client, "en", query) == [("Minibuses on demand", "/en/case-studies/minibuses-on-demand/")]


@pytest.mark.parametrize("query", ["mobility", "모빌리티"])
def test_a_korean_visitor_finds_the_korean_page_once(client, case_study, query):
    assert found(client, "ko", query) == [("수요응답형 미니버스", "/ko/case-studies/minibuses-on-demand/")]


def test_a_korean_alias_counts_as_the_korean_page(client, case_study):
    assert found(client, "en", "cycleways") == [("Bike lanes", "/en/case-studies/bike-lanes/")]
    assert found(client, "ko", "cycleways") == [("Bike lanes", "/ko/case-studies/bike-lanes/")]


def test_a_page_without_a_korean_version_is_found_in_english(client, case_study, site_tree):
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Tram priority", summary="Faster trams.")

    assert found(client, "ko", "trams") == [("Tram priority", "/en/case-studies/tram-priority/")]


def test_an_unpublished_korean_translation_is_found_in_english(client, case_study):
    case_study.get_translation(Locale.objects.get(language_code="ko")).unpublish()

    assert found(client, "ko", "mobility") == [("Minibuses on demand", "/en/case-studies/minibuses-on-demand/")]
