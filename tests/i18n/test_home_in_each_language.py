"""Once the Korean tree is synchronised, each home page lists its own language's events and case studies, each
once, and the figures count every cluster, event and case study once, not once more per translation."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from tests.factories import CaseStudyPageFactory, EventPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean_site(site_tree):
    EventPageFactory(parent=site_tree.events, title="Mobility webinar")
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Seoul bus data")
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    return site_tree


@pytest.mark.parametrize("prefix", ["/en/", "/ko/"])
def test_each_home_lists_its_own_language_once(client, korean_site, prefix):
    response = client.get(prefix)

    assert response.status_code == 200
    events, case_studies = response.context["next_events"], response.context["latest_case_studies"]
    assert [event.title for event in events] == ["Mobility webinar"]
    assert [study.title for study in case_studies] == ["Seoul bus data"]
    assert all(page.url.startswith(prefix) for page in [*events, *case_studies])
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures["upcoming_events"] == 1
    assert figures["case_studies"] == 1


def test_the_korean_home_does_not_list_a_korean_page_whose_english_original_is_unpublished(client, korean_site):
    korean = Locale.objects.get(language_code="ko")
    for english in Page.objects.filter(locale__language_code="en", title__in=["Mobility webinar", "Seoul bus data"]):
        Page.objects.filter(pk=english.get_translation(korean).pk).update(alias_of=None)  # a translation of its own
        Page.objects.filter(pk=english.pk).update(live=False)  # as a translation published before that was refused

    response = client.get("/ko/")

    assert list(response.context["next_events"]) == []
    assert list(response.context["latest_case_studies"]) == []
