"""What the API needs to know about the site's application kinds, found generically (the plugin never
imports the site). The kinds declare ``interest_field`` and ``country_field`` (see ``AbstractSubmission``).

Override point (class attribute on a kind):
- ``organisation_field``: the field naming who applies (e.g. ``"city"``). Default: the first text core field
  that is not the applicant's name or e-mail.
"""

from django.db import models
from django.db.models import Q

from ..models import Application
from ..selectors import application_kinds
from ..selectors.search import contains_any_pks

_APPLICANT_FIELDS = {"applicant_name", "applicant_email"}


def kind_for_label(label: str) -> type[Application] | None:
    return next((model for model in application_kinds() if model._meta.label_lower == label.lower()), None)


def organisation_field(kind) -> str | None:
    declared = getattr(kind, "organisation_field", None)
    if declared:
        return declared
    for name in kind.core_fields:
        if name in _APPLICANT_FIELDS:
            continue
        field = kind._meta.get_field(name)
        if isinstance(field, models.CharField) and not field.choices:
            return name
    return None


def search_q(text: str) -> Q:
    """Reference, applicant's name and e-mail, and every text core field of each kind contain ``text``.

    ``pk IN (SELECT … UNION SELECT …)``, one SELECT per table (the queue's and each kind's own), never an ``OR``
    across joined tables: each table answers from its own indexes and no row repeats (so no DISTINCT)."""
    pks = contains_any_pks(Application, ("reference", "applicant_name", "applicant_email"), text)
    for kind in application_kinds():
        own = [
            name
            for name in kind.core_fields
            if name not in _APPLICANT_FIELDS
            and isinstance(kind._meta.get_field(name), models.CharField | models.TextField)
            and not kind._meta.get_field(name).choices
            and kind._meta.get_field(name).model is kind
        ]
        if own:
            pks = pks.union(contains_any_pks(kind, own, text))
    return Q(pk__in=pks)
