"""Site search across clusters, events, case studies and content pages."""

import re

from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from wagtail.models import Page

from .clusters_once import active_content_language
from .page_language import versions_in_language

PER_PAGE = 10
# Enough for any real query on a site this size; keeps a one-letter query from listing every page's id.
MAX_RESULTS = 200


def matching_page_ids(query: str) -> list[int]:
    """Pages whose title, summary, place or people's names start with the words typed (so "mobil" finds
    "Smart mobility"), then pages with the whole words anywhere in their text, each best match first; each page
    once, in the visitor's language (a match in any language counts, so English words find a Korean page's
    English original), or in the default language where it has no version in the visitor's."""
    # Words only: SQLite's full-text syntax takes a stray quote or bracket as an error.
    words = " ".join(re.findall(r"\w+", query))
    if not words:
        return []
    pages = Page.objects.live().public()
    ids = [page.pk for page in pages.autocomplete(words)[:MAX_RESULTS]]
    seen = set(ids)
    for page in pages.search(words)[:MAX_RESULTS]:
        if page.pk not in seen:
            ids.append(page.pk)
            seen.add(page.pk)
    return versions_in_language(ids[:MAX_RESULTS], language_code=active_content_language())


def search(request):
    query = request.GET.get("query", "").strip()
    page = Paginator(matching_page_ids(query) if query else [], PER_PAGE).get_page(request.GET.get("page"))
    found = Page.objects.filter(pk__in=page.object_list).specific().in_bulk()
    page.object_list = [found[pk] for pk in page.object_list if pk in found]
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
