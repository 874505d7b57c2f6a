"""The footer (text and links) is a snippet translated like the pages: Korean pages show its Korean version, with
links to the Korean pages; until it is translated they show the English words and the pages' own Korean titles.
Saving or translating it shows on the next request, however the footer was cached."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import SiteSettings, StandardPage

from ..factories import FooterFactory, StandardPageFactory

pytestmark = pytest.mark.django_db


def footer_of(client, path):
    html = client.get(path).content.decode()
    return html[html.index('<footer class="site-footer">') :]


@pytest.fixture
def footer(site_tree):
    """An English footer linking to the privacy notice under a shorter label; the Korean tree synchronised, with
    the privacy notice translated."""
    privacy = StandardPageFactory(parent=site_tree.home, title="Privacy notice", slug="privacy")
    footer = FooterFactory(text="WeGO Secretariat, Seoul.", links=[("link", {"page": privacy, "label": "Privacy"})])
    settings = SiteSettings.for_site(site_tree.site)
    settings.footer = footer
    settings.save()
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))
    korean_privacy = StandardPage.objects.get(slug="privacy", locale__language_code="ko")
    korean_privacy.alias_of, korean_privacy.title = None, "개인정보 처리방침"
    korean_privacy.save_revision().publish()
    return footer


def test_an_untranslated_footer_shows_its_english_words_and_links_to_the_korean_pages(client, footer):
    korean = footer_of(client, "/ko/")

    assert "WeGO Secretariat, Seoul." in korean
    # An English label would not fit: the translated page's own title stands in for it.
    assert '<a href="/ko/privacy/">개인정보 처리방침</a>' in korean
    assert '<a href="/en/privacy/">Privacy</a>' in footer_of(client, "/en/")


def test_a_translated_footer_shows_its_korean_text_and_labels_on_the_korean_pages_only(client, footer):
    footer_of(client, "/ko/")  # the English words are cached for Korean now
    korean = footer.copy_for_translation(Locale.objects.get(language_code="ko"))
    korean.text = "WeGO 사무국, 서울."
    korean.links = [("link", {"page": footer.links[0].value["page"], "label": "개인정보"})]
    korean.save()

    assert "WeGO 사무국, 서울." in footer_of(client, "/ko/")
    assert '<a href="/ko/privacy/">개인정보</a>' in footer_of(client, "/ko/")
    english = footer_of(client, "/en/")
    assert "WeGO Secretariat, Seoul." in english and "사무국" not in english


def test_publishing_the_footers_translation_through_wagtail_localize_shows_at_once(client, footer):
    assert "WeGO Secretariat, Seoul." in footer_of(client, "/ko/")  # cached
    korean = Locale.objects.get(language_code="ko")
    source, _created = TranslationSource.get_or_create_from_instance(footer)
    translation = Translation.objects.create(source=source, target_locale=korean)
    for segment in source.stringsegment_set.select_related("string", "context"):
        words = {"WeGO Secretariat, Seoul.": "WeGO 사무국, 서울.", "Privacy": "개인정보"}[segment.string.data]
        StringTranslation.objects.create(
            translation_of=segment.string, locale=korean, context=segment.context, data=words
        )

    translation.save_target(publish=True)

    korean_footer = footer_of(client, "/ko/")
    assert "WeGO 사무국, 서울." in korean_footer and '<a href="/ko/privacy/">개인정보</a>' in korean_footer


def test_an_edit_to_the_english_footer_shows_at_once(client, footer):
    assert "WeGO Secretariat, Seoul." in footer_of(client, "/en/")

    footer.text = "WeGO Secretariat, Seoul Global Center."
    footer.save()

    assert "Seoul Global Center" in footer_of(client, "/en/")


def test_a_site_without_a_footer_shows_the_organisation_alone(client, site_tree):
    html = footer_of(client, "/en/")

    assert "site-footer__organisation" in html and "footer-links" not in html
