"""The layout's site-wide parts: the meta tags for search engines and link previews, and the footer links."""

import dataclasses
from html import unescape

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.utils.html import strip_tags
from wagtail.models import Locale, Page, Site

from ..chrome import cached_part
from ..clusters_once import default_content_language
from ..languages import language_alternates, path_without_language
from ..models import Footer, SiteSettings
from ..models.snippets import in_language
from ..public_urls import public_root_url
from ..translation_review import shows_source_language

register = template.Library()

#: Where a page's description comes from when it has no search description, in order.
DESCRIPTION_FIELDS = ("search_description", "summary", "intro", "hero_intro")
#: Image fields whose image represents a page in link previews, in order.
IMAGE_FIELDS = ("hero_image",)
SOCIAL_IMAGE_SPEC = "fill-1200x630"
DESCRIPTION_MAX_LENGTH = 200
#: Views that are no page of their own (the status pages of the plugin say so themselves).
NOT_INDEXED_PREFIXES = ("/account/", "/search/")


def _description(page) -> str:
    for name in DESCRIPTION_FIELDS:
        text = " ".join(unescape(strip_tags(str(getattr(page, name, "") or ""))).split())
        if len(text) > DESCRIPTION_MAX_LENGTH:
            return text[:DESCRIPTION_MAX_LENGTH].rsplit(" ", 1)[0].rstrip(",;:") + "…"
        if text:
            return text
    return ""


def _image(page, root_url: str) -> tuple[str, str]:
    """(absolute URL, alt text) of the page's own image, else of the site's card."""
    for name in IMAGE_FIELDS:
        image = getattr(page, name, None)
        if image is not None:
            rendition = image.get_rendition(SOCIAL_IMAGE_SPEC)
            return root_url + rendition.url if rendition.url.startswith("/") else rendition.url, image.default_alt_text
    return root_url + static("img/social-card.png"), settings.WAGTAIL_SITE_NAME


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical URL, Open Graph and Twitter card tags: from the page when the view shows one, else the path."""
    request = context.get("request")
    if request is None:  # rendered outside a request (e.g. to a string): nothing to point at
        return {}
    root_url = public_root_url(request)
    page = context.get("page")
    if not isinstance(page, Page) or page.get_url(request) not in (request.path, root_url + request.path):
        page = None  # e.g. an applicant's status page names its form page as ``page``
    meta = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "canonical_url": root_url + request.path,
        "title": settings.WAGTAIL_SITE_NAME,
        "description": "",
        "noindex": path_without_language(request.path).startswith(NOT_INDEXED_PREFIXES)
        or context.get("form_submission") is not None,
    }
    if page is not None:
        meta.update(
            canonical_url=page.get_full_url(request),
            title=page.seo_title or page.title,
            description=_description(page),
        )
    meta["alternates"] = [
        (alternate.language_code, alternate.url if "://" in alternate.url else root_url + alternate.url)
        for alternate in context.get("language_alternates") or language_alternates(request, page)
        if alternate.is_version
    ]
    meta["image_url"], meta["image_alt"] = _image(page, root_url)
    return meta


def footer_in_language(site_settings):
    """The site's footer in the visitor's language, or as first written while it has no translation; one query."""
    if site_settings.footer_id is None:
        return None
    same_footer = Footer.objects.filter(pk=site_settings.footer_id).values("translation_key")
    footers = in_language(Footer.objects.filter(translation_key__in=same_footer, live=True))
    return footers[0] if footers else None


def footer_links(request, footer) -> list[tuple[str, str]]:
    """The footer's links to live pages as (label, url), each to the page in the visitor's language; two queries."""
    links = [block.value for block in footer.links if block.value["page"] is not None] if footer else []
    if not links:
        return []
    # The chosen pages in the visitor's language (their translations or aliases), else as chosen.
    active = Locale.get_active()
    keys = [link["page"].translation_key for link in links]
    translations = {
        page.translation_key: page for page in Page.objects.live().filter(translation_key__in=keys, locale=active)
    }
    localized = [(link, translations.get(link["page"].translation_key, link["page"])) for link in links]
    # A label is in the footer's language: a footer not yet translated shows the translated page's own title.
    same_language = footer.locale_id == active.pk
    return [
        (link["label"] if link["label"] and same_language else page.title, page.get_url(request))
        for link, page in localized
        if page.live
    ]


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to the page (or view) being shown in each content language, the current one marked; each keeps the
    address's query string (the city form's ``?cluster=`` stays chosen: either language's page id chooses it)."""
    request = context.get("request")
    if request is None:
        return {"alternates": []}
    page = context.get("page")
    if not isinstance(page, Page):
        page = None
    alternates = language_alternates(request, page)
    query = request.META.get("QUERY_STRING", "")
    if query:
        alternates = [
            alternate if "?" in alternate.url else dataclasses.replace(alternate, url=f"{alternate.url}?{query}")
            for alternate in alternates
        ]
    return {"alternates": alternates}


@register.simple_tag
def untranslated_source_language(page):
    """The language code of the content a not-yet-translated page shows (its synchronised alias copies the
    source page; a translation started but not yet published still shows the source's words), or "" when the page
    is in its own language."""
    if not isinstance(page, Page):
        return ""
    if page.alias_of_id is None:
        return default_content_language() if shows_source_language(page) else ""
    source = Page.objects.filter(pk=page.alias_of_id).select_related("locale").first()
    if source is None or source.locale_id == page.locale_id:
        return ""
    return source.locale.language_code


@register.inclusion_tag("includes/site_footer.html", takes_context=True)
def site_footer(context):
    """The footer's organisation, text, page links and social links from the site settings and the footer they
    choose, in the visitor's language (cached per site and language)."""
    request = context.get("request")
    if request is None:
        return {}
    site = Site.find_for_request(request)

    def build(footer=None):
        site_settings = SiteSettings.for_request(request)
        footer = footer or footer_in_language(site_settings)
        # The footer's own name and social links are translated with it; the site settings' stand in for them.
        social_links = [(block.value["label"], block.value["url"]) for block in footer.social_links] if footer else []
        return {
            "organisation_name": (footer.organisation_name if footer else "") or site_settings.organisation_name,
            "footer_text": footer.text if footer else "",
            "links": footer_links(request, footer),
            "social_links": social_links or [(link.label, link.url) for link in site_settings.social_links.all()],
        }

    if (preview := context.get("footer_preview")) is not None:  # Snippets › Footers › Preview: that version
        return {"request": request, **build(preview)}
    return {"request": request, **cached_part("footer", site.pk if site else None, build, request=request)}
