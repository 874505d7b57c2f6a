"""The footer's organisation name and social links are the footer's, translated with it: /ko/ shows them in
Korean; a footer without them shows the site settings' name and links. Footers have a name in the admin."""

import pytest
from wagtail.models import Locale

from cluster_pages.models import SiteSettings, SocialLink

from ..factories import FooterFactory
from .test_footer_translation import footer_of

pytestmark = pytest.mark.django_db

ORGANISATION = "World Smart Sustainable Cities Organization (WeGO)"


@pytest.fixture
def settings_of_site(site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    settings.organisation_name = "Organisation from the settings"
    settings.social_links = [SocialLink(label="Link from the settings", url="https://example.org/settings")]
    settings.save()
    return settings


def use_footer(settings, footer):
    settings.footer = footer
    settings.save()


def test_the_korean_footer_names_the_organisation_and_its_links_in_korean(client, settings_of_site):
    footer = FooterFactory(
        name="Main footer",
        organisation_name=ORGANISATION,
        social_links=[("link", {"label": "Global City Teams Challenge", "url": "https://example.org/gctc"})],
    )
    use_footer(settings_of_site, footer)
    korean = footer.copy_for_translation(Locale.objects.get(language_code="ko"))
    korean.organisation_name = "세계스마트지속가능도시기구(WeGO)"
    korean.social_links = [("link", {"label": "글로벌 시티 팀 챌린지", "url": "https://example.org/gctc"})]
    korean.save()

    in_korean, in_english = footer_of(client, "/ko/"), footer_of(client, "/en/")

    assert "세계스마트지속가능도시기구(WeGO)" in in_korean and ORGANISATION not in in_korean
    assert '<a href="https://example.org/gctc" rel="noopener">글로벌 시티 팀 챌린지</a>' in in_korean
    assert ORGANISATION in in_english and "Global City Teams Challenge</a>" in in_english
    assert "Organisation from the settings" not in in_english + in_korean and "Link from the settings" not in in_english


def test_a_footer_without_them_shows_the_site_settings_name_and_links(client, settings_of_site):
    use_footer(settings_of_site, FooterFactory(text="WeGO Secretariat, Seoul."))

    english = footer_of(client, "/en/")

    assert "Organisation from the settings" in english
    assert '<a href="https://example.org/settings" rel="noopener">Link from the settings</a>' in english


def test_a_footer_is_listed_by_its_name():
    assert str(FooterFactory(name="Main footer", text="WeGO Secretariat, Seoul.")) == "Main footer"
    assert str(FooterFactory(text="WeGO Secretariat, Seoul.")) == "WeGO Secretariat, Seoul."
