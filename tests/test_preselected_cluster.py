"""A link to a form may name a cluster (`?cluster=<id>`): the form opens with it ticked if it takes applications.

Anything else (an unknown, draft or archived cluster, or a value that is not an id) is ignored: the form
opens with nothing ticked, never with an error.
"""

import pytest
from bs4 import BeautifulSoup

from cluster_pages.models import CityApplication

from .factories import ThematicClusterPageFactory
from .site_forms.support import build_forms, city_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms(site_tree):
    return build_forms(site_tree)


def ticked(client, url, field_name):
    response = client.get(url)
    assert response.status_code == 200, url
    soup = BeautifulSoup(response.content, "html.parser")
    return [box["value"] for box in soup.find_all("input", attrs={"name": field_name, "checked": True})]


@pytest.mark.parametrize("cluster", ["active_cluster", "forming_cluster"])
def test_the_city_form_ticks_the_cluster_named_in_the_link(client, forms, cluster):
    pk = getattr(forms, cluster).pk

    assert ticked(client, f"{forms.city.url}?cluster={pk}", "clusters") == [str(pk)]


def test_the_form_says_at_its_top_which_cluster_is_already_chosen(client, forms):
    chosen = BeautifulSoup(client.get(f"{forms.city.url}?cluster={forms.active_cluster.pk}").content, "html.parser")
    plain = BeautifulSoup(client.get(f"{forms.city.url}?cluster={forms.archived_cluster.pk}").content, "html.parser")

    notice = chosen.select_one(".page-intro .prefilled")
    assert [li.get_text(strip=True) for li in notice.find_all("li")] == ["Smart Mobility"]
    assert "Clusters of interest" in notice.get_text()
    assert plain.select_one(".prefilled") is None


def test_the_company_form_ticks_the_cluster_named_in_the_link(client, forms):
    pk = forms.forming_cluster.pk

    assert ticked(client, f"{forms.company.url}?cluster={pk}", "themes") == [str(pk)]


def test_a_link_may_name_several_clusters(client, forms):
    url = f"{forms.city.url}?cluster={forms.active_cluster.pk}&cluster={forms.forming_cluster.pk}"

    assert sorted(ticked(client, url, "clusters")) == sorted(
        [str(forms.active_cluster.pk), str(forms.forming_cluster.pk)]
    )


def test_archived_draft_and_unknown_clusters_are_ignored(client, forms):
    draft = ThematicClusterPageFactory(parent=forms.active_cluster.get_parent(), title="Draft", live=False)
    for pk in (forms.archived_cluster.pk, draft.pk, 987654, forms.city.pk):
        assert ticked(client, f"{forms.city.url}?cluster={pk}", "clusters") == [], pk
        assert ticked(client, f"{forms.company.url}?cluster={pk}", "themes") == [], pk


@pytest.mark.parametrize(
    "value",
    ["", "abc", "-1", "1.0", "1e3", "0x10", " 1", "١", "99999999999999999999999", "1%00", "%27%20OR%201=1"],
)
def test_a_malformed_cluster_value_is_ignored(client, forms, value):
    assert ticked(client, f"{forms.city.url}?cluster={value}", "clusters") == []


def test_a_valid_cluster_among_garbage_is_still_ticked(client, forms):
    pk = forms.active_cluster.pk

    assert ticked(client, f"{forms.city.url}?cluster=abc&cluster={pk}&cluster=-5", "clusters") == [str(pk)]


def test_the_theme_form_has_no_cluster_to_tick_and_opens_as_usual(client, forms):
    response = client.get(f"{forms.theme.url}?cluster={forms.active_cluster.pk}")

    assert response.status_code == 200
    assert b'name="proposed_theme"' in response.content


def test_what_the_applicant_ticked_wins_over_the_link_when_the_form_is_sent_back(client, forms):
    url = f"{forms.city.url}?cluster={forms.active_cluster.pk}"
    data = city_data(forms, clusters=[str(forms.forming_cluster.pk)], applicant_email="")

    response = client.post(url, data)

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    boxes = soup.find_all("input", attrs={"name": "clusters", "checked": True})
    assert [box["value"] for box in boxes] == [str(forms.forming_cluster.pk)]
    assert soup.select_one(".prefilled") is None
    assert not CityApplication.objects.exists()
