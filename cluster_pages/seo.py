"""What robots and browsers ask for at fixed addresses: robots.txt, security.txt and favicon.ico (the sitemap is
Wagtail's)."""

import datetime

from django.conf import settings
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from .public_urls import public_root_url

#: Paths robots should not crawl: the admin, the API, applicants' private status pages, sign-in and
#: password pages, search results, and the clusters' members-only workspaces.
#: The site's own paths come once per language prefix (/en/applications/, /ko/applications/...).
_UNPREFIXED_DISALLOWED_PATHS = ("/admin/", "/api/", "/_util/")
_PREFIXED_DISALLOWED_PATHS = ("/applications/", "/account/", "/search/", "/clusters/*/members")
DISALLOWED_PATHS = _UNPREFIXED_DISALLOWED_PATHS + tuple(
    f"/{language_code}{path}" for language_code, _name in settings.LANGUAGES for path in _PREFIXED_DISALLOWED_PATHS
)


@require_safe
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    context = {
        "disallowed_paths": DISALLOWED_PATHS,
        "sitemap_url": public_root_url(request) + reverse("sitemap"),
    }
    return render(request, "robots.txt", context, content_type="text/plain; charset=utf-8")


def security_contacts() -> list[str]:
    """``SECURITY_CONTACT``'s addresses and URLs, e-mail addresses as ``mailto:`` URIs (RFC 9116 asks for URIs)."""
    values = [value.strip() for value in settings.SECURITY_CONTACT.split(",") if value.strip()]
    return [value if ":" in value else f"mailto:{value}" for value in values]


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    """``/.well-known/security.txt`` (RFC 9116): whom to tell about a vulnerability, renewed every day."""
    expires = timezone.now().date() + datetime.timedelta(days=settings.SECURITY_TXT_EXPIRES_DAYS)
    context = {
        "contacts": security_contacts(),
        "expires": f"{expires.isoformat()}T00:00:00Z",
        "languages": ", ".join(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES),
        "canonical": public_root_url(request) + reverse("security_txt"),
        "policy": settings.SECURITY_POLICY_URL,
    }
    return render(request, "security.txt", context, content_type="text/plain; charset=utf-8")


@require_safe
def favicon(request):
    """Browsers that ignore the pages' icon links ask for /favicon.ico: the icon in static/."""
    return redirect(static("img/favicon.png"), permanent=True)


class MultilingualSitemap(Sitemap):
    """Wagtail's sitemap over every language's page tree, each page with ``hreflang`` alternates (its versions in
    the other content languages, a not-yet-translated alias included)."""

    def items(self):
        site = self.get_wagtail_site()
        roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        if not urls:
            return urls
        by_location = {}
        for item in self.paginator.page(page).object_list:
            by_location[item.get_full_url(self.request)] = item
        keys = {item.translation_key for item in by_location.values()}
        versions = {}
        for version in (
            Page.objects.filter(translation_key__in=keys).live().public().select_related("locale").order_by("path")
        ):
            full_url = version.get_full_url(self.request)
            if full_url:
                versions.setdefault(version.translation_key, []).append(
                    {"lang_code": version.locale.language_code, "location": full_url}
                )
        for url_info in urls:
            item = by_location.get(url_info["location"])
            alternates = versions.get(item.translation_key, []) if item is not None else []
            if len(alternates) > 1:
                url_info["alternates"] = alternates
        return urls
