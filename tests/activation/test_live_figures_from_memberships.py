"""The network's figures come from memberships and change on the next page view after a transition."""

import pytest

from cluster_pages.figures import site_figures
from cluster_pages.models import ThematicClusterPage

from .conftest import city_application, company_registration

pytestmark = pytest.mark.django_db


def figures():
    return {figure.key: figure.value for figure in site_figures()}


def home_figures(client):
    return {figure.key: figure.value for figure in client.get("/en/").context["figures"]}


def test_activation_raises_cities_partners_and_countries_and_ending_lowers_them(client, clusters, activate, end):
    before = home_figures(client)
    assert (before["participating_cities"], before["partner_companies"], before["countries"]) == (0, 0, 0)

    seoul = activate(city_application(city="Seoul", country="KR"), clusters.mobility)
    activate(city_application(city="Seoul", country="KR", email="b@seoul.example.org"), clusters.water)
    activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    activate(company_registration(name="Urban Sensors GmbH", country="DE"), clusters.mobility)
    activate(company_registration(name="Urban Sensors GmbH", country="DE", email="x@urban.example.org"), clusters.water)

    after = home_figures(client)
    assert after["participating_cities"] == 2  # Seoul once, though in two clusters; Lima counted unnamed
    assert after["partner_companies"] == 1
    assert after["countries"] == 3  # KR, PE, DE
    assert after["active_clusters"] == 1 and after["forming_clusters"] == 1

    end(seoul)
    assert figures()["participating_cities"] == 2  # Seoul is still a member of Water

    page = client.get(clusters.mobility.url)
    assert page.context["page"].figures == {
        "member_cities": 1,
        "partner_companies": 1,
        "partners_by_type": {"company": 1},
    }


def test_members_of_an_unpublished_cluster_are_not_counted(clusters, activate):
    activate(city_application(city="Seoul", country="KR"), clusters.water)
    ThematicClusterPage.objects.get(pk=clusters.water.pk).unpublish()

    assert figures()["participating_cities"] == 0
    assert figures()["countries"] == 0


def test_the_figures_take_a_fixed_number_of_queries(clusters, activate, django_assert_max_num_queries):
    activate(city_application(city="Seoul"), clusters.mobility)
    activate(company_registration(), clusters.mobility)

    with django_assert_max_num_queries(8):
        site_figures()
