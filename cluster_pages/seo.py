"""What robots and browsers ask for at fixed addresses: robots.txt and favicon.ico (the sitemap is Wagtail's)."""

from django.conf import settings
from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
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
