"""Issue 26, translations and the footer through review: communications staff translate a page into Korean and
submit it; the live Korean page keeps its English words, notice and ``lang="en"`` until an editor approves it from
the dashboard, which publishes it. The footer goes the same way. A Korean page whose English original is a draft is
not live. And axe finds nothing serious on these screens, in English and Korean, at 1280 and 320 px."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse
from playwright.sync_api import expect
from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import SiteSettings

from ..factories import FooterFactory, StandardPageFactory
from .axe_support import axe_violations
from .conftest import BROWSER
from .journeys import LAPTOP, another_person, screenshot, sign_in_to_admin, site_at

pytestmark = BROWSER
PHONE = {"width": 320, "height": 640}
# wagtail-localize's own translation editor (a React bundle this project does not template), left out narrowly:
LOCALIZE_EDITOR = {
    ("color-contrast", ".js-translation-editor li > h3"): "wagtail-localize's field headings, teal on white",
    ("label", ".js-translation-editor input[type=file]"): "wagtail-localize's hidden input behind 'Upload PO file'",
}
KOREAN_TITLE = "스마트 물 관리"
FOOTER_TEXT = "WeGO Secretariat, Seoul Global Center, Republic of Korea."


@pytest.fixture
def pages(site_tree, live_server, django_capture_on_commit_callbacks):
    """A live English page with its Korean alias, an English draft with its Korean translation (a draft too), and
    the footer the site settings choose."""
    site_at(site_tree.site, live_server)
    english = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water")
    draft = StandardPageFactory(parent=site_tree.home, title="Open data charter", slug="charter", live=False)
    korean = Locale.objects.get(language_code="ko")
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    source, _created = TranslationSource.get_or_create_from_instance(draft)
    with django_capture_on_commit_callbacks(execute=True):
        Translation.objects.create(source=source, target_locale=korean).save_target(publish=False)
    settings = SiteSettings.for_site(site_tree.site)
    settings.footer = FooterFactory(text="WeGO Secretariat, Seoul.")
    settings.save()
    return english


def approve_first_awaiting(page, title):
    """From the editor's dashboard: the row's "⋯" › Approve."""
    page.goto(page.url.split("/admin/")[0] + "/admin/")
    awaiting = page.locator("section", has=page.get_by_role("heading", name=re.compile("Awaiting your review")))
    row = awaiting.locator("tr", has=page.get_by_text(title))
    expect(row).to_be_visible()
    row.get_by_role("button", name=re.compile("More options|Actions", re.IGNORECASE)).click()
    row.get_by_role("button", name="Approve", exact=True).click()
    expect(awaiting.locator("tr", has=page.get_by_text(title))).to_have_count(0)


def test_communications_submit_a_korean_translation_an_editor_approves_and_it_is_published(
    pages, communications, editor, live_server, page
):
    page.set_viewport_size(LAPTOP)
    visitor = another_person(page)
    korean_url = f"{live_server.url}/ko/water/"

    # Communications: the English page's "⋯" › Translate this page, into Korean.
    sign_in_to_admin(page, live_server, communications.username)
    page.goto(f"{live_server.url}{reverse('wagtailadmin_explore', args=(pages.get_parent().pk,))}")
    row = page.locator("tr", has=page.get_by_role("link", name="Smart water networks", exact=True))
    row.get_by_role("button", name=re.compile("More options", re.IGNORECASE)).click()
    row.get_by_role("link", name="Translate this page").click()
    page.get_by_role("checkbox", name="Korean").check()
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_role("heading", name="Review")).to_be_visible()
    # The live Korean page still shows the English words, saying so.
    visitor.goto(korean_url)
    expect(visitor.locator("main")).to_have_attribute("lang", "en")
    expect(visitor.locator(".untranslated-notice")).to_be_visible()

    # The title in Korean, then "Submit for review".
    page.get_by_role("button", name="Translate").first.click()
    page.locator("textarea").first.fill(KOREAN_TITLE)
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(KOREAN_TITLE).first).to_be_visible()
    screenshot(page, "26-01-communications-translates")
    page.get_by_role("button", name="Submit for review").click()
    expect(page.get_by_text(re.compile("was submitted for review")).first).to_be_visible()
    expect(page.get_by_text(re.compile("Submitted for review")).first).to_be_visible()
    screenshot(page, "26-02-submitted")
    visitor.goto(korean_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text("Smart water networks")
    expect(visitor.locator(".untranslated-notice")).to_be_visible()

    # An editor approves it from the dashboard.
    desk = another_person(page)
    sign_in_to_admin(desk, live_server, editor.username)
    screenshot(desk, "26-03-editor-dashboard")
    approve_first_awaiting(desk, KOREAN_TITLE)

    visitor.goto(korean_url)
    expect(visitor.get_by_role("heading", level=1)).to_have_text(KOREAN_TITLE)
    expect(visitor.locator(".untranslated-notice")).to_have_count(0)
    expect(visitor.locator("main")).not_to_have_attribute("lang", "en")
    screenshot(visitor, "26-04-korean-page-published")

    # The Korean translation of an English draft is not live.
    assert visitor.goto(f"{live_server.url}/ko/charter/").status == 404


def test_a_footer_change_goes_through_review(pages, communications, editor, live_server, page):
    page.set_viewport_size(LAPTOP)
    visitor = another_person(page)

    sign_in_to_admin(page, live_server, communications.username)
    page.locator("#wagtail-sidebar").get_by_role("link", name="Snippets").click()
    page.get_by_role("link", name=re.compile("Footers")).first.click()
    page.get_by_role("link", name="WeGO Secretariat, Seoul.").click()
    page.locator("textarea[name=text]").fill(FOOTER_TEXT)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Footer review").click()
    expect(page.get_by_text(re.compile("submitted for moderation")).first).to_be_visible()
    screenshot(page, "26-05-footer-submitted")
    visitor.goto(f"{live_server.url}/en/")
    expect(visitor.locator("footer")).not_to_contain_text(FOOTER_TEXT)

    desk = another_person(page)
    sign_in_to_admin(desk, live_server, editor.username)
    approve_first_awaiting(desk, FOOTER_TEXT[:20])

    visitor.goto(f"{live_server.url}/en/")
    expect(visitor.locator("footer")).to_contain_text(FOOTER_TEXT)


def test_the_review_screens_have_no_serious_axe_violation_in_english_and_korean(
    pages, communications, editor, live_server, page
):
    axe, failures = Axe(), []
    english = pages
    korean_page = english.get_translation(Locale.objects.get(language_code="ko"))
    source, _created = TranslationSource.get_or_create_from_instance(english)
    Translation.objects.create(source=source, target_locale=korean_page.locale).save_target(publish=False)
    footer = SiteSettings.objects.get().footer

    def check(label, exceptions=None):
        for viewport in (LAPTOP, PHONE):
            page.set_viewport_size(viewport)
            _counts, blocking, _lesser, _excused = axe_violations(page, axe, exceptions)
            failures.extend(f"{label} at {viewport['width']} px: {line}" for line in blocking)
        page.set_viewport_size(LAPTOP)

    for language in ("en", "ko"):
        for user in (communications, editor):
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()
        page.context.clear_cookies()
        sign_in_to_admin(page, live_server, communications.username)
        page.goto(f"{live_server.url}{reverse('wagtailadmin_pages:edit', args=(korean_page.pk,))}")
        expect(page.locator(".translation-review button")).to_be_visible()
        check(f"translation editor with its review panel ({language})", LOCALIZE_EDITOR)
        page.goto(f"{live_server.url}{reverse('wagtailsnippets_cluster_pages_footer:edit', args=(footer.pk,))}")
        check(f"footer editor ({language})")
        page.context.clear_cookies()
        sign_in_to_admin(page, live_server, editor.username)
        page.goto(f"{live_server.url}{reverse('wagtailadmin_pages:delete', args=(english.pk,))}")
        expect(page.locator("[id^=translations-following-heading]")).to_be_visible()
        check(f"delete confirmation naming the translations ({language})")
        page.goto(f"{live_server.url}{reverse('wagtailadmin_pages:unpublish', args=(english.pk,))}")
        check(f"unpublish confirmation naming the translations ({language})")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/ko/water/")
    expect(page.locator(".untranslated-notice")).to_be_visible()
    check("Korean page still in English, with its notice")

    assert failures == [], "\n".join(failures)
