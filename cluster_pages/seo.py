"""What robots and browsers ask for at fixed addresses: robots.txt and favicon.ico (the sitemap is Wagtail's)."""

from django.shortcuts import redirect, render
from django.templatetags.static import static
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from .public_urls import public_root_url

#: Paths robots should not crawl: the admin, the API, applicants' private status pages, sign-in and
#: password pages, search results, and the clusters' members-only workspaces.
DISALLOWED_PATHS = (
    "/admin/",
    "/api/",
    "/applications/",
    "/account/",
    "/_util/",
    "/search/",
    "/clusters/*/members",
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
