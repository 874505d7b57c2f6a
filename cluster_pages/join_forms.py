"""The ways in: the live join forms, and the cluster a form opens with when a cluster page links to it.

A cluster page links to ``/join/city/?cluster=<id>``; the form ticks that cluster if it still accepts
applications. Anything else in the parameter (unknown, draft, archived, not a number) is ignored: the form
opens with nothing chosen, never with an error.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from wagtail.models import Page, Site

from .clusters_once import active_content_language
from .public_pages import public_q

CLUSTER_PARAMETER = "cluster"
# A page id as the database stores it: a few ASCII digits (int() would also take " 7", "٧" or "1_0").
_PAGE_ID = re.compile(r"[0-9]{1,9}")
# More values than a visitor could mean are ignored rather than turned into a long query.
_MAX_CLUSTERS = 20


@dataclass(frozen=True)
class JoinForms:
    """The site's live, public join forms; ``None`` where a form is not published."""

    city: Page | None = None
    company: Page | None = None
    theme: Page | None = None


def join_forms(*, request, kinds: dict[str, type[Page]]) -> JoinForms:
    """The live, public join forms of the request's site, found by type (``kinds``: a ``JoinForms`` field's name
    and its page model), so editors may move or rename them; each in the request's language where it has one (a
    Korean page links to the Korean form)."""
    pages = (
        Page.objects.live().filter(public_q(request)).type(*kinds.values()).select_related("locale").order_by("path")
    )
    site = Site.find_for_request(request)
    if site is not None:  # the site's root page and its translations (the Korean home is the English one's sibling)
        root = Page.objects.filter(pk=site.root_page_id).values("translation_key")
        roots = Page.objects.filter(translation_key__in=root, path=Substr(OuterRef("path"), 1, Length("path")))
        pages = pages.filter(Exists(roots))
    active = active_content_language()
    by_type = {}
    # Sorting is stable: within a language, the first by path.
    for page in sorted(pages, key=lambda page: page.locale.language_code != active):
        by_type.setdefault(page.content_type_id, page)
    content_types = ContentType.objects.get_for_models(*kinds.values())
    return JoinForms(**{key: by_type.get(content_types[model].pk) for key, model in kinds.items()})


def form_url(form_page: Page, *, request, cluster: Page | None = None) -> str:
    """The form's URL, opening with ``cluster`` chosen when given."""
    url = form_page.get_url(request=request)
    return f"{url}?{urlencode({CLUSTER_PARAMETER: cluster.pk})}" if cluster is not None else url


def preselected_cluster_ids(request, *, open_clusters) -> list[int]:
    """The clusters named by ``?cluster=<id>`` (repeatable) among ``open_clusters`` (those that accept
    applications, each once); the rest is ignored."""
    values = request.GET.getlist(CLUSTER_PARAMETER)[:_MAX_CLUSTERS]
    ids = {int(value) for value in values if _PAGE_ID.fullmatch(value)}
    if not ids:
        return []
    # A translated cluster page's id chooses the cluster: the form offers (and records) its default-language page.
    named = Page.objects.filter(pk__in=ids).values("translation_key")
    return list(open_clusters.filter(translation_key__in=named).values_list("pk", flat=True))
