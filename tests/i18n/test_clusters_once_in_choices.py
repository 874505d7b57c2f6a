"""Every list of clusters people choose from shows each cluster once, as its English (default-language) page,
named in the visitor's language where it has a translation: the public event and case-study filters, the
reviewers' "Assign to" and "Assigned to", and the grant of cluster leadership."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.leadership.viewsets import ClusterLeaderViewSet
from cluster_pages.models import CityApplication, ClusterLeadership, ThematicClusterPage
from tests.factories import CaseStudyPageFactory, EventPageFactory
from workflows.admin.filters import assignable_pages, target_label
from workflows.admin.forms import target_choices

pytestmark = pytest.mark.django_db
KOREAN_TITLE = "스마트 모빌리티"


@pytest.fixture
def translated(forms, site_tree):
    """Both clusters with an event and a case study, the tree synchronised to Korean, one cluster translated."""
    EventPageFactory(parent=site_tree.events, title="Mobility summit", related_clusters=[forms.active_cluster])
    CaseStudyPageFactory(parent=site_tree.case_studies, title="Bus lanes", cluster=forms.active_cluster)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean = forms.active_cluster.get_translation(Locale.objects.get(language_code="ko"))
    Page.objects.filter(pk=korean.pk).update(title=KOREAN_TITLE, alias_of=None)
    return forms


def _options(client, url: str) -> list[tuple[str, str]]:
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    return [(o["value"], o.get_text(strip=True)) for o in soup.select("select[name=cluster] option") if o["value"]]


@pytest.mark.parametrize("index", ["events", "case-studies"])
def test_the_public_filters_offer_each_cluster_once_in_the_visitors_language(client, translated, index):
    cluster = translated.active_cluster

    assert _options(client, f"/en/{index}/") == [(str(cluster.pk), "Smart Mobility")]
    assert _options(client, f"/ko/{index}/") == [(str(cluster.pk), KOREAN_TITLE)]

    chosen = client.get(f"/ko/{index}/?cluster={cluster.pk}").content.decode()
    assert "Mobility summit" in chosen or "Bus lanes" in chosen


def test_reviewers_assign_to_each_cluster_once_named_in_their_language(translated):
    with translation.override("ko"):
        choices = target_choices(CityApplication)
        listed = list(assignable_pages(CityApplication))

    forming = translated.forming_cluster
    assert sorted(choices) == sorted([(translated.active_cluster.pk, KOREAN_TITLE), (forming.pk, forming.title)])
    english = ThematicClusterPage.objects.filter(locale__language_code="en")
    assert sorted(page.pk for page in listed) == sorted(english.values_list("pk", flat=True))
    assert KOREAN_TITLE in [target_label(page) for page in listed]


def test_leadership_is_granted_on_each_cluster_once(translated):
    with translation.override("en"):
        form_class = ClusterLeaderViewSet.edit_handler.bind_to_model(ClusterLeadership).get_form_class()
        field = form_class(instance=ClusterLeadership(), for_user=None).fields["cluster"]
        labels = [label for value, label in field.choices if value]
        values = {int(str(value)) for value, label in field.choices if value}

    english = ThematicClusterPage.objects.filter(locale__language_code="en")
    assert values == set(english.values_list("pk", flat=True))
    assert sorted(labels) == sorted(english.values_list("title", flat=True))
