"""Lists in a page's own language: each item once, as its version in that language.

Relations (an event's related clusters, a case study's cluster) are kept on the default-language pages: a Korean
event is an alias or a translation of an English one, and its copy of the relation may point at the English
cluster or be out of date. So an item is matched through its default-language page, then shown as its live
version in the page's language (its translation, or its alias until translated); an item with no live version
in that language is shown in the default language rather than left out.

The page models ask here (a cluster page for its events and case studies, the home page for its lists), so this
module imports no model.
"""

from django.db.models import Q, QuerySet
from wagtail.models import Page

from .clusters_once import default_content_language


def in_language(matching: QuerySet, *, locale_id: int) -> QuerySet:
    """The live pages of ``matching``'s model that ``matching`` selects on their live default-language version,
    each once: in locale ``locale_id`` where it has a live version there, else in the default language (one query)."""
    model = matching.model
    default = default_content_language()
    keys = matching.filter(locale__language_code=default, live=True).order_by().values("translation_key")
    live = model.objects.live()
    here = Q(locale_id=locale_id, translation_key__in=keys)
    translated_here = live.filter(locale_id=locale_id).order_by().values("translation_key")
    untranslated = Q(locale__language_code=default, translation_key__in=keys) & ~Q(translation_key__in=translated_here)
    return live.filter(here | untranslated)


def versions_in_language(page_ids: list[int], *, language_code: str | None) -> list[int]:
    """``page_ids`` (pages in any language, best first) as the ids of their live, public versions in
    ``language_code`` (None: the default language), each page once, at its best place; a page with no such version
    is given in the default language, and left out when it has neither."""
    if not page_ids:
        return []
    default = default_content_language()
    wanted = [language_code or default, default]
    keys = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "translation_key"))
    shown = (
        Page.objects.live().public().filter(translation_key__in=set(keys.values()), locale__language_code__in=wanted)
    )
    versions = {
        (key, code): pk for pk, key, code in shown.values_list("pk", "translation_key", "locale__language_code")
    }
    ids, seen = [], set()
    for pk in page_ids:
        key = keys.get(pk)
        version = next((versions[key, code] for code in wanted if (key, code) in versions), None)
        if version is not None and key not in seen:
            ids.append(version)
            seen.add(key)
    return ids
