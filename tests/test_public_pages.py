"""The privacy notice, accessibility statement and contact page: demo content, footer links, the forms' consent."""

import io

import pytest
from django.core.management import call_command
from django.test import override_settings
from wagtail.models import Page, Site

from cluster_pages.models import SiteSettings, StandardPage

from .factories import FooterFactory, StandardPageFactory
from .site_forms.support import build_forms, city_data

pytestmark = pytest.mark.django_db
PUBLIC_PAGES = {
    "/en/privacy/": ("Privacy notice", ["Who holds your data", "How long we keep it", "a copy", "erase"]),
    "/en/accessibility/": ("Accessibility statement", ["(WCAG) 2.2", "What is not accessible yet", "Tell us"]),
    "/en/contact/": ("Contact", ["WeGO Secretariat", "secretariat@example.org", "Contacts for questions"]),
}


def load():
    call_command("load_initial_data", stdout=io.StringIO())


@pytest.fixture(scope="class")
def demo_site(shared_data, tmp_path_factory):
    """The demo content, loaded once for the class (each test runs in its own savepoint)."""
    with shared_data(), override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        load()
        yield


def footer_of(html: str) -> str:
    return html[html.index('<footer class="site-footer">') :]


@pytest.mark.usefixtures("demo_site")
class TestTheDemoSite:
    def test_each_page_answers_with_its_content_from_the_cms(self, client):
        for path, (title, phrases) in PUBLIC_PAGES.items():
            response = client.get(path)
            html = response.content.decode()
            assert response.status_code == 200, path
            assert f"<h1>{title}</h1>" in html, path
            for phrase in phrases:
                assert phrase in html, (path, phrase)
            assert isinstance(Page.objects.get(url_path="/home" + path.removeprefix("/en")).specific, StandardPage), (
                path
            )

    def test_the_footer_of_every_page_links_to_the_three_pages_and_the_menu_does_not(self, client):
        for url in ("/en/", "/en/clusters/", "/en/join/", "/en/search/"):
            html = client.get(url).content.decode()
            footer = footer_of(html)
            for path, (title, _phrases) in PUBLIC_PAGES.items():
                assert f'<a href="{path}">{title}</a>' in footer, (url, path)
            assert 'href="/en/privacy/"' not in html[: html.index("<main")], url

    def test_the_privacy_notice_is_the_one_the_forms_link_to(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        assert settings.privacy_page.url == "/en/privacy/"

    def test_a_second_run_adds_no_page_or_link_and_keeps_the_editors_changes(self, client):
        footer = SiteSettings.for_site(Site.objects.get(is_default_site=True)).footer
        footer.links = [
            (block.block_type, block.value) for block in footer.links if block.value["page"].slug != "contact"
        ]
        footer.save()
        pages = Page.objects.count()

        load()

        footer.refresh_from_db()
        assert Page.objects.count() == pages
        assert [block.value["page"].slug for block in footer.links] == ["privacy", "accessibility"]


def test_a_footer_link_may_carry_a_shorter_label_and_a_draft_page_is_left_out(client, site_tree):
    privacy = StandardPageFactory(parent=site_tree.home, title="Privacy notice", slug="privacy")
    draft = StandardPageFactory(parent=site_tree.home, title="Imprint", slug="imprint", live=False)
    settings = SiteSettings.for_site(site_tree.site)
    settings.footer = FooterFactory(
        links=[("link", {"page": privacy, "label": "Privacy"}), ("link", {"page": draft, "label": ""})]
    )
    settings.save()

    footer = footer_of(client.get("/en/").content.decode())

    assert '<a href="/en/privacy/">Privacy</a>' in footer
    assert "Imprint" not in footer


@pytest.fixture
def forms_with_privacy_page(site_tree):
    forms = build_forms(site_tree)
    privacy = StandardPageFactory(parent=site_tree.home, title="Privacy notice", slug="privacy")
    settings = SiteSettings.for_site(site_tree.site)
    settings.privacy_page = privacy
    settings.save()
    return forms


def test_the_consent_label_of_the_city_and_company_forms_links_to_the_privacy_notice(client, forms_with_privacy_page):
    for path in ("/en/join/city/", "/en/join/partner/"):
        html = client.get(path).content.decode()
        label = html[html.index('<label for="id_consent_privacy">') :]
        label = label[: label.index("</label>")]
        assert 'I agree to the <a href="/en/privacy/">privacy notice</a>' in label, path


def test_the_theme_form_links_to_the_privacy_notice_beside_the_email_address(client, forms_with_privacy_page):
    html = client.get("/en/join/suggest-a-theme/").content.decode()

    assert 'See our <a href="/en/privacy/">privacy notice</a>.' in html


def test_the_error_summary_names_the_consent_box_without_a_link_inside_its_link(client, forms_with_privacy_page):
    data = {**city_data(forms_with_privacy_page)}
    data.pop("consent_privacy")

    html = client.post("/en/join/city/", data).content.decode()

    summary = html[html.index('id="error-summary"') : html.index("</div>", html.index('id="error-summary"'))]
    assert "I agree to the privacy notice: WeGO keeps my answers" in summary
    assert 'href="/en/privacy/"' not in summary


def test_the_api_gives_the_consent_label_as_plain_text(client, forms_with_privacy_page):
    schema = client.get(f"/api/v3/workflow-forms/{forms_with_privacy_page.city.pk}/").json()

    label = next(field["label"] for field in schema["fields"] if field["name"] == "consent_privacy")
    assert label == "I agree to the privacy notice: WeGO keeps my answers to handle this application."


def test_without_a_privacy_notice_chosen_the_label_is_plain_text(client, site_tree):
    build_forms(site_tree)

    html = client.get("/en/join/city/").content.decode()

    assert "I agree to the privacy notice: WeGO keeps my answers" in html


def test_the_consent_link_follows_a_new_privacy_notice_and_goes_when_it_is_unpublished(client, forms_with_privacy_page):
    client.get("/en/join/city/")  # the link is kept with the page chrome from here on
    site = forms_with_privacy_page.join.get_site()
    newer = StandardPageFactory(parent=site.root_page, title="Privacy notice 2027", slug="privacy-2027")
    settings = SiteSettings.for_site(site)
    settings.privacy_page = newer
    settings.save()

    assert (
        'I agree to the <a href="/en/privacy-2027/">privacy notice</a>' in client.get("/en/join/city/").content.decode()
    )

    newer.unpublish()

    html = client.get("/en/join/city/").content.decode()
    assert "I agree to the privacy notice: WeGO keeps my answers" in html and "privacy-2027" not in html
