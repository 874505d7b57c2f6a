"""A link to the member directory from other pages (each cluster page links to its members there)."""

from django import template
from wagtail.models import Page, Site

from ..chrome import cached_part
from ..clusters_once import default_content_language
from ..models import DirectoryPage

register = template.Library()


def _directory_url(request) -> str:
    """The live, public directory page of the request's site, in the visitor's language where it is translated."""
    site = Site.find_for_request(request)
    if site is None:
        return ""

    def build():
        pages = DirectoryPage.objects.live().public().descendant_of(site.root_page, inclusive=False)
        page = pages.first()
        if page is None:
            return ""
        return (page.localized or page).get_url(request=request) or ""

    return cached_part("directory_url", site.pk, build, request=request)


@register.simple_tag(takes_context=True)
def directory_url_for_cluster(context, cluster) -> str:
    """The directory filtered to ``cluster`` (the filter names a cluster by its default-language page), or ""."""
    request = context.get("request")
    if request is None:
        return ""
    url = _directory_url(request)
    if not url:
        return ""

    def build():
        default = (
            Page.objects.filter(
                translation_key=cluster.translation_key, locale__language_code=default_content_language()
            )
            .values_list("pk", flat=True)
            .first()
        )
        return f"{url}?cluster={default or cluster.pk}"

    return cached_part("directory_cluster_url", cluster.translation_key, build, request=request)
