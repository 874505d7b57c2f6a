"""The same page in each content language: for the language switcher, ``hreflang`` alternates and the sitemap."""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse, translate_url
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
    #: False when the page has no live version in the language: ``url`` is then that language's home page, so the
    #: switcher never leads to a 404, and the page's ``hreflang`` alternates leave the language out.
    is_version: bool = True


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


def _home_url(language_code: str) -> str:
    with translation.override(language_code):
        return reverse("wagtail_serve", args=[""])


def language_alternates(request, page: Page | None = None) -> list[Alternate]:
    """The current page (or, for a view that is not a page, the current address) in every content language.

    A page's version comes from its live translations (its Korean alias until it is translated), else the
    language's home page stands in; another view's from the same address under the other language prefix.
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
        url = page_urls.get(code)
        if url is None:
            url = _home_url(code) if page is not None else translate_url(request.get_full_path(), code)
        info = translation.get_language_info(code)
        alternates.append(
            Alternate(
                language_code=code,
                name_local=info["name_local"],
                url=url,
                is_current=code == current,
                is_version=page is None or code in page_urls,
            )
        )
    request._language_alternates = (cache_key, alternates)
    return alternates


def path_without_language(path: str) -> str:
    """``/ko/search/`` → ``/search/``: the path a view answers whichever language prefix it came with."""
    language_code = translation.get_language_from_path(path)
    if language_code and path.startswith(f"/{language_code}/"):
        return path[len(language_code) + 1 :]
    return path
