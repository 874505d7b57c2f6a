"""The same page in each content language: for the language switcher, ``hreflang`` alternates and the sitemap."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from .chrome import cached_part


@dataclass(frozen=True)
class Alternate:
    """One language's version of what the visitor is looking at."""

    language_code: str
    #: The language's name in that language ("한국어"), as the switcher shows it.
    name_local: str
    url: str
    is_current: bool


def content_languages() -> list[str]:
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def _page_urls(page: Page, request) -> dict[str, str]:
    """Each content language's URL of ``page``: its translation or, until there is one, its alias."""
    urls = {}
    for translation_ in page.get_translations(inclusive=True).live().select_related("locale"):
        url = translation_.get_url(request)
        if url:
            urls[translation_.locale.language_code] = url
    return urls


def language_alternates(request, page: Page | None = None) -> list[Alternate]:
    """The current page (or, for a view that is not a page, the current address) in every content language.

    A page's version comes from its translations (its Korean alias until it is translated); another view's
    from the same address under the other language prefix.
    """
    current = translation.get_language()
    cache_key = (current, page.pk if page is not None else None)
    cached = getattr(request, "_language_alternates", None)
    if cached is not None and cached[0] == cache_key:
        return cached[1]  # the head's hreflang links and the switcher ask once each
    page_urls = {}
    if page is not None:  # cached with the chrome: any page change moves its generation on
        page_urls = cached_part("alternates", page.pk, lambda: _page_urls(page, request), request=request)
    alternates = []
    for code in content_languages():
        url = page_urls.get(code) or translate_url(request.get_full_path(), code)
        info = translation.get_language_info(code)
        alternates.append(
            Alternate(language_code=code, name_local=info["name_local"], url=url, is_current=code == current)
        )
    request._language_alternates = (cache_key, alternates)
    return alternates


def path_without_language(path: str) -> str:
    """``/ko/search/`` → ``/search/``: the path a view answers whichever language prefix it came with."""
    language_code = translation.get_language_from_path(path)
    if language_code and path.startswith(f"/{language_code}/"):
        return path[len(language_code) + 1 :]
    return path
