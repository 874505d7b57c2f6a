"""A count of none is said in words, never as "0": a cluster without members invites the first one."""

import pytest
from bs4 import BeautifulSoup

from cluster_pages.models import ClusterStatus

from .activation.conftest import city_application
from .factories import StandardPageFactory, ThematicClusterPageFactory
from .site_forms.support import build_forms

pytestmark = pytest.mark.django_db


@pytest.fixture
def forms(site_tree):
    return build_forms(site_tree)


def members_section(client, cluster):
    response = client.get(cluster.url)
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return soup.find("section", attrs={"aria-labelledby": "members-heading"})


def text_of(element):
    return " ".join(element.get_text().split())


def test_a_cluster_without_members_invites_the_first_city_and_company_instead_of_counting_zero(client, forms):
    cluster = forms.active_cluster

    section = members_section(client, cluster)

    assert "No member cities yet — be the first." in text_of(section)
    assert "No partner organisations yet — be the first." in text_of(section)
    assert section.find("dd") is None
    join = section.find("a", string="Join this cluster")
    assert join["href"] == f"{forms.city.url}?cluster={cluster.pk}"
    expertise = section.find("a", string="Offer your expertise")
    assert expertise["href"] == f"{forms.company.url}?cluster={cluster.pk}"


def test_a_cluster_with_members_but_no_partners_counts_only_the_members(client, forms):
    cluster = forms.active_cluster
    city_application(city="Seoul", country="KR", state="active", assigned_to=cluster)

    section = members_section(client, cluster)

    figures = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in section("dt")}
    assert figures == {"Member cities": "1"}
    assert "No partner organisations yet — be the first." in text_of(section)


def test_an_archived_cluster_without_members_does_not_invite_anyone(client, forms):
    section = members_section(client, forms.archived_cluster)

    assert "This cluster had no member cities." in text_of(section)
    assert "be the first" not in text_of(section)
    assert section.find("a") is None


def test_the_home_figures_and_a_live_figure_block_say_none_yet_instead_of_zero(client, site_tree):
    ThematicClusterPageFactory(parent=site_tree.clusters, status=ClusterStatus.FORMING)
    StandardPageFactory(
        parent=site_tree.home,
        slug="in-numbers",
        body=[("live_figure", {"figure": "case_studies", "caption": "Stories told"})],
    )

    home = BeautifulSoup(client.get("/en/").content, "html.parser")
    figures = {dt.get_text(strip=True): dt.find_next_sibling("dd").get_text(strip=True) for dt in home("dt")}
    block = BeautifulSoup(client.get("/en/in-numbers/").content, "html.parser").find("dt", string="Stories told")

    assert figures["Clusters forming"] == "1"
    assert figures["Active clusters"] == figures["Participating cities"] == "None yet"
    assert "0" not in figures.values()
    assert block.find_next_sibling("dd").get_text(strip=True) == "None yet"
