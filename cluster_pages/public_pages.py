"""Pages outside every private section, with the view restrictions read once per request.

Wagtail's ``PageQuerySet.public()`` reads every view restriction each time it is called; a cluster page asks
three times (its events, its case studies, the join forms). ``public_q(request)`` reads them once and keeps the
filter on the request.
"""

from django.db.models import Q
from wagtail.models import PageViewRestriction


def public_q(request) -> Q:
    """A filter for ``Page`` querysets that leaves out every private section and its descendants."""
    cached = getattr(request, "_public_pages_q", None)
    if cached is not None:
        return cached
    q = Q()
    for restriction in PageViewRestriction.objects.select_related("page"):
        # As Wagtail's descendant_of_q(inclusive=True): the restricted page and everything below it.
        q &= ~Q(path__startswith=restriction.page.path, depth__gte=restriction.page.depth)
    if request is not None:
        request._public_pages_q = q
    return q
