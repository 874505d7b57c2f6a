"""The home and cluster figures count partner organisations by type ("3 partners: 2 companies, 1 university"), with
each language's plurals; every partner counts once, named or not."""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.figures import site_figures
from cluster_pages.organisations import organisation_type_count, organisation_type_label, partners_by_type_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "1 company, 3 non-profits, 2 universities or institutes, 1 other organisation"),
        ("ko", "기업 1곳, 비영리단체 3곳, 대학·연구기관 2곳, 기타 기관 1곳"),
        (
            "es",
            "1 empresa, 3 organizaciones sin ánimo de lucro, 2 universidades o institutos, 1 otra organización",
        ),
        (
            "fr",
            "1 entreprise, 3 organisations à but non lucratif, 2 universités ou instituts, 1 autre organisation",
        ),
    ],
)
def test_the_count_by_type_is_said_with_each_languages_plurals(language, expected):
    with translation.override(language):
        assert partners_by_type_text([("other", 1), ("academic", 2), ("company", 1), ("nonprofit", 3)]) == expected


def test_a_type_with_no_partner_is_left_out_and_large_numbers_are_grouped():
    assert partners_by_type_text([("company", 1200), ("nonprofit", 0)]) == "1,200 companies"
    assert organisation_type_count("academic", 1) == "1 university or institute"


def test_a_type_is_named_in_the_readers_language_and_an_unknown_one_as_it_is():
    with translation.override("ko"):
        assert organisation_type_label("academic") == "대학 또는 연구기관"
    assert organisation_type_label("government") == "government"


def home_partner_tile(client):
    soup = BeautifulSoup(client.get("/en/").content, "html.parser")
    label = soup.find("dt", string="Partner organisations")
    return label.find_next_sibling("dd").get_text(strip=True), label.find_next_sibling("dd").find_next_sibling("dd")


def test_the_home_page_counts_the_partners_by_type(client, forms, active_partner):
    active_partner("Urban Sensors GmbH", "company")
    active_partner("MoveWell Ltd", "company", consent=False)  # not named, still counted
    active_partner("Seoul Institute of Urban Studies", "academic")
    active_partner("urban sensors gmbh ", "company")  # the same partner again: counts once

    number, detail = home_partner_tile(client)

    assert number == "3"
    assert detail.get_text(strip=True) == "2 companies, 1 university or institute"
    figure = next(figure for figure in site_figures() if figure.key == "partner_companies")
    assert (figure.value, figure.by_type) == (3, (("company", 2), ("academic", 1)))


def test_a_partner_in_no_live_cluster_is_not_counted(client, forms, active_partner):
    active_partner("Old Partners Ltd", "company", cluster=forms.active_cluster)
    forms.active_cluster.unpublish()

    number, detail = home_partner_tile(client)

    assert number == "None yet"
    assert detail is None


def test_the_cluster_page_counts_its_partners_by_type_and_names_each_ones_type(client, forms, active_partner):
    active_partner("Open Data Commons Foundation", "nonprofit")
    active_partner("Urban Sensors GmbH", "company")
    active_partner("Hidden Research Lab", "academic", consent=False)

    soup = BeautifulSoup(client.get(forms.active_cluster.url).content, "html.parser")
    section = soup.find("section", attrs={"aria-labelledby": "members-heading"})

    label = section.find("dt", string="Partner organisations")
    assert label.find_next_sibling("dd").get_text(strip=True) == "3"
    assert section.find("dd", class_="figure-list__detail").get_text(strip=True) == (
        "1 company, 1 non-profit, 1 university or institute"
    )
    listed = [
        li.get_text(" ", strip=True)
        for li in section.find("ul", attrs={"aria-labelledby": "partner-companies-heading"})("li")
    ]
    assert listed == ["Open Data Commons Foundation (Non-profit organisation)", "Urban Sensors GmbH (Company)"]
    assert "and 1 more organisation" in section.get_text(" ", strip=True)
    assert "Hidden" not in section.get_text()


def test_the_korean_cluster_page_says_the_count_by_type_in_korean(client, forms, active_partner):
    active_partner("Urban Sensors GmbH", "company")
    active_partner("Seoul Institute of Urban Studies", "academic")

    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))

    response = client.get(forms.active_cluster.url.replace("/en/", "/ko/", 1))

    assert response.status_code == 200
    assert "기업 1곳, 대학·연구기관 1곳" in response.content.decode()
