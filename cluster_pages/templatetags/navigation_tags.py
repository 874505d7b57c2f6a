"""Site navigation: the main menu, breadcrumbs and links to the section index pages."""

from django import template
from django.conf import settings
from django.db.models import Exists, OuterRef
from wagtail.models import Page, PageViewRestriction, Site

register = template.Library()

SECTION_INDEX_MODELS = {
    "clusterindexpage": "clusters",
    "eventindexpage": "events",
    "casestudyindexpage": "case_studies",
}


def _site_root(context):
    request = context.get("request")
    if request is not None and hasattr(request, "_localized_site_root"):
        return request._localized_site_root  # the menu, breadcrumb and section links each ask: one query
    site = Site.find_for_request(request) if request else None
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


def _is_current_or_ancestor(item, current_page):
    return current_page is not None and current_page.path.startswith(item.path)


@register.simple_tag(takes_context=True)
def site_name(context):
    """The Wagtail site's name, falling back to WAGTAIL_SITE_NAME."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return (site.site_name if site else "") or settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("includes/main_menu.html", takes_context=True)
def main_menu(context):
    """The home page's live, unrestricted children marked "show in menus", in one query."""
    root = _site_root(context)
    current_page = context.get("page")
    items = []
    if root is not None:
        for item in _visible_children(root).in_menu():
            items.append({"page": item, "is_current": _is_current_or_ancestor(item, current_page)})
    return {"request": context.get("request"), "items": items, "root": root, "current_page": current_page}


@register.inclusion_tag("includes/breadcrumb.html", takes_context=True)
def breadcrumb(context, page):
    """The trail from the site's home page down to (but not including) the given page."""
    root = _site_root(context)
    ancestors = []
    if root is not None and page.pk != root.pk and page.path.startswith(root.path):
        ancestors = list(Page.objects.ancestor_of(page).filter(depth__gte=root.depth).live().order_by("depth"))
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
