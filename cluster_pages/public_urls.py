"""The site's public address (one source for canonical links, robots.txt and account mails) and its privacy notice."""

from django.conf import settings
from django.db.models import Subquery
from wagtail.models import Page, Site

from .chrome import cached_part
from .models import SiteSettings


def public_root_url(request=None) -> str:
    """The root URL of the Wagtail site serving ``request`` (its default site otherwise), without a final "/".

    Wagtail builds pages' full URLs (and so the sitemap's) from the Site record; everything else the site
    links to absolutely follows it. ``WAGTAILADMIN_BASE_URL`` answers only when there is no site at all.
    """
    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


def privacy_notice_url(*, page, request=None) -> str | None:
    """The URL of the privacy notice chosen in the site settings of ``page``'s site, if it is live.

    One query, then kept with the page chrome: any page or site settings change renews it.
    """
    url_parts = page.get_url_parts(request)
    if url_parts is None:
        return None
    site_id = url_parts[0]

    def build() -> str:
        chosen = SiteSettings.objects.filter(site_id=site_id).values("privacy_page_id")[:1]
        privacy_page = Page.objects.live().filter(pk=Subquery(chosen)).first()
        return (privacy_page.get_url(request) if privacy_page is not None else None) or ""

    # The URL is relative on the requesting site, absolute elsewhere: one entry per requesting site.
    current_site = Site.find_for_request(request) if request is not None else None
    key = f"{site_id}:{current_site.pk if current_site else ''}"
    return cached_part("privacy_notice_url", key, build, request=request) or None
