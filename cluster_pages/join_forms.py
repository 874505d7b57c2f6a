"""The ways in: the live join forms, and the cluster a form opens with when a cluster page links to it.

A cluster page links to ``/join/city/?cluster=<id>``; the form ticks that cluster if it still accepts
applications. Anything else in the parameter (unknown, draft, archived, not a number) is ignored: the form
opens with nothing chosen, never with an error.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

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


def join_forms(*, request) -> JoinForms:
    """The live, public join forms of the request's site, found by type, so editors may move or rename them."""
    from .models import CityApplicationFormPage, CompanyRegistrationFormPage, ThemeSuggestionFormPage

    kinds = {"city": CityApplicationFormPage, "company": CompanyRegistrationFormPage, "theme": ThemeSuggestionFormPage}
    pages = Page.objects.live().public().type(*kinds.values()).order_by("path")
    site = Site.find_for_request(request)
    if site is not None:
        pages = pages.in_site(site)
    by_type = {}
    for page in pages:
        by_type.setdefault(page.content_type_id, page)
    content_types = ContentType.objects.get_for_models(*kinds.values())
    return JoinForms(**{key: by_type.get(content_types[model].pk) for key, model in kinds.items()})


def form_url(form_page: Page, *, request, cluster: Page | None = None) -> str:
    """The form's URL, opening with ``cluster`` chosen when given."""
    url = form_page.get_url(request=request)
    return f"{url}?{urlencode({CLUSTER_PARAMETER: cluster.pk})}" if cluster is not None else url


def preselected_cluster_ids(request) -> list[int]:
    """The clusters named by ``?cluster=<id>`` (repeatable) that accept applications; the rest is ignored."""
    from .models import ThematicClusterPage
    from .models.applications import OPEN_CLUSTERS

    values = request.GET.getlist(CLUSTER_PARAMETER)[:_MAX_CLUSTERS]
    ids = {int(value) for value in values if _PAGE_ID.fullmatch(value)}
    if not ids:
        return []
    return list(
        ThematicClusterPage.objects.filter(**OPEN_CLUSTERS, pk__in=ids).order_by("title").values_list("pk", flat=True)
    )
