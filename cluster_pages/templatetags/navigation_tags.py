"""Site navigation: the main menu, breadcrumbs and links to the section index pages."""

from django import template
from django.conf import settings
from django.db.models import Exists, OuterRef
from wagtail.models import Page, PageViewRestriction, Site

from ..chrome import cached_part

register = template.Library()

SECTION_INDEX_MODELS = {
    "clusterindexpage": "clusters",
    "eventindexpage": "events",
    "casestudyindexpage": "case_studies",
}


def _site(context):
    request = context.get("request")
    return Site.find_for_request(request) if request else None


def _site_root(context):
    request = context.get("request")
    if request is not None and hasattr(request, "_localized_site_root"):
        return request._localized_site_root  # the menu, breadcrumb and section links each ask: one query
    site = _site(context)
    # The home page in the visitor's language (its translation or alias), else the site's own.
    root = site.root_page.localized if site else None
    if request is not None:
        request._localized_site_root = root
    return root


def _visible_children(root):
    """Live children of `root` without a view restriction of their own, in one query (``.public()`` takes two).

    A restriction on the site root itself makes the whole site private, navigation included.
    """
    restricted = PageViewRestriction.objects.filter(page_id=OuterRef("pk"))
    return root.get_children().live().filter(~Exists(restricted))


@register.simple_tag(takes_context=True)
def site_name(context):
    """The Wagtail site's name, falling back to WAGTAIL_SITE_NAME."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, unrestricted children marked "show in menus" (cached: ``cluster_pages.chrome``)."""
    site = _site(context)
    request = context.get("request")
    current_page = context.get("page")

    def build():
        root = _site_root(context)  # the home page in the visitor's language: Korean titles and /ko/ links
        return [
            {"pk": item.pk, "path": item.path, "title": item.title, "url": item.get_url(request)}
            for item in _visible_children(root).in_menu()
        ]

    items = []
    if site is not None:
        for item in cached_part("main_menu", site.pk, build, request=request):
            is_current = isinstance(current_page, Page) and current_page.path.startswith(item["path"])
            items.append({**item, "is_current": is_current})
    return {"request": request, "items": items, "current_page": current_page}


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """The trail from the site's home page down to (but not including) the given page (cached per page)."""
    site = _site(context)

    def build():
        root = _site_root(context)  # a Korean page's trail starts at the Korean home page
        if page.pk == root.pk or not page.path.startswith(root.path):
            return []
        ancestors = Page.objects.ancestor_of(page).filter(depth__gte=root.depth).live().order_by("depth")
        return [{"title": ancestor.title, "url": ancestor.get_url(context.get("request"))} for ancestor in ancestors]

    ancestors = []
    if site is not None:
        ancestors = cached_part("breadcrumb", f"{site.pk}:{page.pk}", build, request=context.get("request"))
    return {"request": context.get("request"), "ancestors": ancestors, "page": page}


@register.simple_tag(takes_context=True)
def section_index_pages(context):
    """The cluster, event and case-study index pages under the site root, keyed by section; one query."""
    root = _site_root(context)
    if root is None:
        return {}
    children = _visible_children(root).select_related("content_type")
    sections = {}
    for child in children:
        key = SECTION_INDEX_MODELS.get(child.content_type.model)
        if key and child.content_type.app_label == "cluster_pages" and key not in sections:
            sections[key] = child
    return sections
