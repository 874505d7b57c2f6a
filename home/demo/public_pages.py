"""The privacy notice, accessibility statement and contact page, linked from the footer (not the main menu)."""

from wagtail.models import Site

from cluster_pages.models import FooterLink, SiteSettings, StandardPage
from home.models import HomePage

from .content.public_pages import PUBLIC_PAGES
from .programme import standard_page_ensure
from .report import LoadReport


def public_pages_ensure(*, home: HomePage, report: LoadReport) -> dict[str, StandardPage]:
    """The three pages under home, keyed by slug, in footer order."""
    pages = {}
    for make_spec in PUBLIC_PAGES:
        spec = make_spec()
        pages[spec.slug] = standard_page_ensure(home=home, spec=spec, report=report, show_in_menus=False)
    return pages


def footer_links_ensure(*, site: Site, pages: dict[str, StandardPage], report: LoadReport) -> None:
    """The privacy notice for the forms' consent box, and footer links to ``pages``; only where still empty."""
    settings = SiteSettings.for_site(site)
    changed = False
    if settings.privacy_page_id is None:
        settings.privacy_page = pages["privacy"]
        changed = True
    if not FooterLink.objects.filter(settings=settings).exists():
        settings.footer_links = [FooterLink(page=page) for page in pages.values()]
        changed = True
    if changed:
        settings.save()
    report.record("footer links", created=changed)
