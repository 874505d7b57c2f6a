"""Counts and figures a person reads are grouped as their language writes numbers, with Django's own formats for
the locale (Korean and English "12,345"; Spanish and French "12 345" with a no-break space, Django's choice for
both), and the plural phrases around them still agree with the number: the home page's live figures, a cluster's
members, the listings' result counts, and the reviewers' "Select all 12,345 rows" in their admin language.
Identifiers in addresses and attributes are never grouped."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages.storage.fallback import FallbackStorage
from django.template.loader import render_to_string
from django.utils import translation

from cluster_pages.figures import Figure
from cluster_pages.models import CityApplication
from workflows.admin.views.bulk import TransitionBulkAction

pytestmark = pytest.mark.django_db
NBSP = "\xa0"
GROUPED = {"en": "12,345", "ko": "12,345", "es": f"12{NBSP}345", "fr": f"12{NBSP}345"}


@pytest.fixture
def many(monkeypatch):
    """Every live figure at 12,345 (the figures themselves are counted in ``test_live_figures``)."""
    from cluster_pages import figures

    def site_figures():
        return [Figure(key=key, label=label, value=12345) for key, label in figures.FIGURE_CHOICES]

    monkeypatch.setattr(figures, "site_figures", site_figures)


@pytest.mark.parametrize("language", GROUPED)
def test_the_home_pages_figures_are_grouped_for_the_visitors_language(client, site_tree, many, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    numbers = [dd.get_text(strip=True) for dd in soup.select("dd.figure-list__number")]
    assert numbers and set(numbers) == {GROUPED[language]}


def _members(language: str, *, total: int, others: int) -> str:
    roster = {"total": total, "named": [{"city": "Seoul", "country_name": "South Korea"}], "others": others}
    with translation.override(language):
        html = render_to_string(
            "cluster_pages/includes/cluster_members.html",
            {"member_roster": roster, "partner_roster": {"total": 0}, "page": None},
        )
    # Spaces and line breaks squeezed, the no-break space within a number kept.
    return re.sub(r"[ \t\n]+", " ", BeautifulSoup(html, "html.parser").get_text()).strip()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("en", "and 12,344 more cities"),
        ("ko", "외 12,344개 도시"),
        ("es", f"y {GROUPED['es'][:-1]}4 ciudades más"),
        ("fr", f"et {GROUPED['fr'][:-1]}4 autres villes"),
    ],
)
def test_a_clusters_member_count_is_grouped_and_its_phrase_stays_plural(language, expected):
    text = _members(language, total=12345, others=12344)

    assert GROUPED[language] in text
    assert expected in text


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "and 1 more city"), ("es", "y 1 ciudad más"), ("fr", "et 1 autre ville")],
)
def test_one_more_city_is_still_said_in_the_singular(language, expected):
    assert expected in _members(language, total=2, others=1)


@pytest.mark.parametrize(
    ("language", "select_all", "selected_all"),
    [
        ("en", "Select all 12,345 rows in the listing", "All 12,345 rows in the listing selected"),
        ("ko", "목록의 12,345개 행 모두 선택", "목록의 12,345개 행을 모두 선택했습니다"),
        ("fr", f"{GROUPED['fr']}", f"{GROUPED['fr']}"),
        ("es", f"{GROUPED['es']}", f"{GROUPED['es']}"),
    ],
)
def test_reviewers_read_the_select_all_count_grouped_and_the_data_count_stays_a_plain_number(
    language, select_all, selected_all
):
    context = {"items_count": 12345, "listing_transitions": [], "is_paginated": False}
    with translation.override(language):
        html = render_to_string("workflows/admin/includes/listing_selection.html", context)
    listing = BeautifulSoup(html, "html.parser").find(attrs={"data-workflow-listing": True})

    assert listing["data-count"] == "12345"
    assert select_all in listing["data-select-all-text"]
    assert selected_all in listing["data-selected-all-text"]


@pytest.mark.parametrize(
    ("language", "expected"),
    [("en", "1,234 rows left unchanged: "), ("ko", "1,234개 행은 바뀌지 않았습니다: "), ("fr", f"1{NBSP}234 lignes")],
)
def test_the_bulk_actions_message_groups_the_count_in_the_reviewers_language(rf, language, expected):
    request = rf.post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    action = TransitionBulkAction.__new__(TransitionBulkAction)  # only its report, without a listing behind it
    action.request, action.model, action.name = request, CityApplication, "review"

    with translation.override(language):
        action.report([], [(f"CA-2026-{n:06d}", "—") for n in range(1234)])

    (message,) = list(request._messages)
    assert str(message).startswith(expected)
