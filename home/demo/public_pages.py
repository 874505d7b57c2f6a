"""The privacy notice, accessibility statement and contact page, linked from the footer (not the main menu)."""

from wagtail.models import Locale, Site

from cluster_pages.models import Footer, SiteSettings, StandardPage
from home.models import HomePage

from .content.public_pages import PUBLIC_PAGES
from .content.standard_pages import FOOTER_NAME, FOOTER_TEXT, ORGANISATION_NAME, SOCIAL_LINKS
from .programme import standard_page_ensure
from .report import LoadReport


def public_pages_ensure(*, home: HomePage, report: LoadReport) -> dict[str, StandardPage]:
    """The three pages under home, keyed by slug, in footer order."""
    pages = {}
    for make_spec in PUBLIC_PAGES:
        spec = make_spec()
        pages[spec.slug] = standard_page_ensure(home=home, spec=spec, report=report, show_in_menus=False)
    return pages


def footer_ensure(*, site: Site, pages: dict[str, StandardPage], report: LoadReport) -> None:
    """The privacy notice for the forms' consent box, and the site's footer (in the default language): its text and
    links to ``pages``, each filled only where still empty."""
    settings = SiteSettings.for_site(site)
    changed = False
    if settings.privacy_page_id is None:
        settings.privacy_page = pages["privacy"]
        changed = True
    footer = settings.footer
    if footer is None:
        footer = Footer(locale=Locale.get_default())
    footer_changed = footer.pk is None
    if not footer.text:
        footer.text = FOOTER_TEXT
        footer_changed = True
    if not footer.links:
        footer.links = [("link", {"page": page, "label": ""}) for page in pages.values()]
        footer_changed = True
    if not footer.name:
        footer.name = FOOTER_NAME
        footer.organisation_name = footer.organisation_name or ORGANISATION_NAME
        footer.social_links = footer.social_links or [
            ("link", {"label": label, "url": url}) for label, url in SOCIAL_LINKS
        ]
        footer_changed = True
    if footer_changed:
        footer.save()
    if settings.footer_id != footer.pk:
        settings.footer = footer
        changed = True
    if changed:
        settings.save()
    report.record("footers", created=footer_changed)
    report.record("footer links", created=changed)
