"""The names of the pages applications point to (the page assigned, the pages of interest: e.g. clusters) in the
reviewer's admin language.

The rows hold the default-language pages; a kind's adapter may name each assignable page with a
``local_title`` (the site's translation of the page, see ``workflows.adapters.KindAdapter.assignable_pages``).
The listing and the inspect view ask for those names once per request (``target_titles``), never once per row,
and not at all when the admin language is the content's default language (or has no content of its own): the
titles are then the pages' own.
"""

from django.conf import settings
from django.utils.translation import get_language
from wagtail.coreutils import get_supported_content_language_variant

from .filters import assignable_pages

_CACHE_ATTRIBUTE = "_workflow_target_titles"


def content_language_differs() -> bool:
    """Whether the active language has content (pages) of its own, other than the default language's."""
    try:
        active = get_supported_content_language_variant(get_language())
        default = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    except LookupError:  # an interface-only language: its pages are the default language's
        return False
    return active != default


def target_titles(model, request=None) -> dict:
    """Page id → its name in the active language, for the pages ``model``'s applications point to; only the
    pages whose ``local_title`` the kind gives (look a page up with ``title_of``). At most one query, once per
    request and language (kept on ``request``)."""
    if not content_language_differs():
        return {}
    key = (model, get_language())
    cache = getattr(request, _CACHE_ATTRIBUTE, None) if request is not None else None
    if cache is not None and key in cache:
        return cache[key]
    pages = assignable_pages(model)
    titles = {}
    if "local_title" in pages.query.annotations:
        titles = dict(pages.order_by().values_list("pk", "local_title"))
    if request is not None:
        if cache is None:
            cache = {}
            setattr(request, _CACHE_ATTRIBUTE, cache)
        cache[key] = titles
    return titles


def title_of(page, titles: dict) -> str:
    """``page``'s name in ``titles`` (see ``target_titles``), else its own title (else its ``str``)."""
    if page is None:
        return ""
    return titles.get(page.pk) or getattr(page, "title", None) or str(page)
