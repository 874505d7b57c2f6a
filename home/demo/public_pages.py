"""The privacy notice, accessibility statement and contact page, linked from the footer (not the main menu)."""

from wagtail.models import Site

from cluster_pages.models import FooterLink, SiteSettings, StandardPage
from home.models import HomePage

from .content.public_pages import PUBLIC_PAGES
from .pages import page_ensure
from .report import LoadReport


def public_pages_ensure(*, home: HomePage, report: LoadReport) -> dict[str, StandardPage]:
    """The three pages under home, keyed by slug, in footer order."""
    pages = {}
    for make_spec in PUBLIC_PAGES:
        spec = make_spec()
        pages[spec.slug] = page_ensure(
            parent=home,
            page_class=StandardPage,
            slug=spec.slug,
            title=spec.title,
            intro=spec.intro,
            body=spec.body,
            show_contacts=spec.show_contacts,
            search_description=spec.search_description,
            show_in_menus=False,
            report=report,
        )
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
