"""The page chrome every public page repeats (main menu, breadcrumb, footer), cached until the content changes.

Each part is cached as plain data (titles and URLs), per site or per page, under a generation number. Any change
that could show in the chrome moves the generation on, so every cached part is stale at once, on every process
that shares the cache (Redis or the database cache): a page saved, published, unpublished, moved or deleted, a
view restriction added or removed, the site settings or their links saved, a footer saved or deleted in any
language (an edit, or a translation published through wagtail-localize), a site changed. Publishing is rare
next to reading, so dropping everything is cheaper than tracking which page shows in which part.

The generation lives in the ``default`` cache, which every process shares (Redis, or the database cache: one
read per request, kept on the request). The parts live in the ``chrome`` cache: Redis too, or each process's
own memory without Redis; a part of an old generation is never read again and ages out.
"""

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.utils.translation import get_language
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .models import Footer, SiteSettings, SocialLink

GENERATION_KEY = "chrome:generation"
#: Long enough that a quiet site serves its chrome from the cache; any change moves the generation on anyway.
TIMEOUT = 24 * 60 * 60


def _parts():
    return caches["chrome"] if "chrome" in settings.CACHES else cache


def generation(request=None) -> int:
    """The current generation; read once per request when one is given."""
    value = getattr(request, "_chrome_generation", None)
    if value is None:
        value = cache.get(GENERATION_KEY)
        if value is None:
            cache.add(GENERATION_KEY, 1, timeout=None)
            value = cache.get(GENERATION_KEY, 1)
        if request is not None:
            request._chrome_generation = value
    return value


def _next_generation() -> None:
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not there (evicted or never read): the next read starts a generation no part has used
        cache.set(GENERATION_KEY, generation() + 1, timeout=None)


def chrome_invalidate(**_kwargs) -> None:
    """Make every cached chrome part stale (a signal receiver, hence the keyword arguments).

    Now, and again when the transaction commits: a page view between the two may have cached the old content.
    """
    _next_generation()
    transaction.on_commit(_next_generation)


def cached_part(name: str, key: object, build, *, request=None):
    """``build()``'s result, cached as ``name`` for ``key`` in the current generation and language."""
    # Titles and URLs differ per language (/en/…, /ko/…): each language has its own copy of a part.
    cache_key = f"chrome:{generation(request)}:{get_language()}:{name}:{key}"
    parts = _parts()
    value = parts.get(cache_key)
    if value is None:
        value = build()
        parts.set(cache_key, value, timeout=TIMEOUT)
    return value


def _page_changed(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        chrome_invalidate()


def _settings_saved(sender, instance, created=False, **kwargs) -> None:
    # A site's settings row is made on first read, with the defaults the footer was just built from.
    if not created:
        chrome_invalidate()


def connect() -> None:
    """Listen for every change that may show in the chrome (called by the app's ``ready()``)."""
    page_published.connect(chrome_invalidate, dispatch_uid="chrome_page_published")
    page_unpublished.connect(chrome_invalidate, dispatch_uid="chrome_page_unpublished")
    post_page_move.connect(chrome_invalidate, dispatch_uid="chrome_page_moved")
    # Page subclasses send their own post_save/post_delete: listen to all senders and keep the pages.
    post_save.connect(_page_changed, dispatch_uid="chrome_page_saved")
    post_delete.connect(_page_changed, dispatch_uid="chrome_page_deleted")
    post_save.connect(_settings_saved, sender=SiteSettings, dispatch_uid="chrome_SiteSettings_saved")
    post_delete.connect(chrome_invalidate, sender=SiteSettings, dispatch_uid="chrome_SiteSettings_deleted")
    for model in (PageViewRestriction, Site, Footer, SocialLink):
        post_save.connect(chrome_invalidate, sender=model, dispatch_uid=f"chrome_{model.__name__}_saved")
        post_delete.connect(chrome_invalidate, sender=model, dispatch_uid=f"chrome_{model.__name__}_deleted")
