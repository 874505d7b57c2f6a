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

_APPLICANT_FIELDS = {"applicant_name", "applicant_email"}


def kind_for_label(label: str) -> type[Application] | None:
    return next((model for model in application_kinds() if model._meta.label_lower == label.lower()), None)


def path_from_parent(kind) -> str:
    """The lookup from ``Application`` to this kind's row, e.g. ``cityapplication``."""
    return kind._meta.get_ancestor_link(Application).related_query_name()


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
    """Reference, applicant's name and e-mail, and every text core field of each kind contain ``text``."""
    q = Q(reference__icontains=text) | Q(applicant_name__icontains=text) | Q(applicant_email__icontains=text)
    for kind in application_kinds():
        prefix = path_from_parent(kind)
        for name in kind.core_fields:
            if name in _APPLICANT_FIELDS:
                continue
            field = kind._meta.get_field(name)
            if isinstance(field, models.CharField | models.TextField) and not field.choices:
                q |= Q(**{f"{prefix}__{name}__icontains": text})
    return q
