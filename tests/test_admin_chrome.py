"""The admin is the organisation's: its logo, name and colours instead of Wagtail's bird, and no Forms menu
listing the workflow forms with "no submissions" (their applications are under Applications)."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.forms.utils import get_forms_for_user

from cluster_pages.blocks import BodyBlock
from tests.site_forms.support import build_forms

pytestmark = pytest.mark.django_db


def test_the_login_page_names_the_site_and_shows_its_logo_not_wagtails(client):
    soup = BeautifulSoup(client.get(reverse("wagtailadmin_login")).content, "html.parser")

    assert soup.find("h1").get_text(strip=True) == "Sign in to WeGO Thematic Clusters"
    assert soup.select_one(".login-logo--site img")["src"].endswith("img/admin-logo.svg")
    assert "World Smart Sustainable Cities Organization (WeGO)" in soup.select_one(".login-logo--site").get_text()
    assert soup.title.get_text(strip=True).endswith("- WeGO Thematic Clusters")
    assert "wagtail" not in soup.select_one(".login-logo--site").get_text().lower()


def test_the_dashboard_carries_the_logo_the_colours_and_the_sites_name(client, superuser):
    client.force_login(superuser)

    soup = BeautifulSoup(client.get(reverse("wagtailadmin_home")).content, "html.parser")

    logo = BeautifulSoup(
        soup.find("template", attrs={"data-wagtail-sidebar-branding-logo": True}).decode_contents(), "html.parser"
    )
    assert logo.find("img")["src"].endswith("img/admin-logo.svg")
    assert soup.find("link", href=lambda href: href and href.endswith("css/admin_branding.css")) is not None
    assert soup.title.get_text(strip=True) == "Dashboard - WeGO Thematic Clusters"
    assert soup.find("h1").get_text(" ", strip=True) == "WeGO Thematic Clusters: pages, events and applications"


def test_workflow_forms_are_not_in_the_forms_menu(client, superuser, site_tree):
    forms = build_forms(site_tree)
    client.force_login(superuser)

    assert not get_forms_for_user(superuser).filter(pk__in=[forms.city.pk, forms.company.pk, forms.theme.pk]).exists()
    listing = client.get(reverse("wagtailforms:index")).content.decode()
    assert forms.city.title not in listing and "no submissions" not in listing.lower()


def test_every_body_block_is_named_in_the_editors_language():
    with translation.override("ko"):
        labels = {name: str(block.label) for name, block in BodyBlock().child_blocks.items()}

    assert labels == {
        "heading": "제목",
        "paragraph": "문단",
        "image": "이미지",
        "quote": "인용",
        "call_to_action": "행동 유도 버튼",
        "live_figure": "실시간 수치",
        "year_figure": "연도와 출처가 있는 수치",
    }
