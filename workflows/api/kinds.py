"""What the API needs to know about the site's application kinds, found generically (the plugin never
imports the site).

Override points (class attributes on a kind):
- ``interest_field``: the many-to-many field holding the pages the applicant is interested in (e.g.
  ``"clusters"``). Default: the kind's first many-to-many field to one of its ``assignable_page_types``.
- ``organisation_field``: the field naming who applies (e.g. ``"city"``). Default: the first text core field
  that is not the applicant's name or e-mail.
"""

from functools import cache

from django.apps import apps
from django.db import models
from django.db.models import Q

from ..models import Application

_APPLICANT_FIELDS = {"applicant_name", "applicant_email"}


@cache
def application_kinds() -> tuple[type[Application], ...]:
    """The concrete kinds of the plugin's queue (multi-table children of ``Application``), by label."""
    kinds = [model for model in apps.get_models() if issubclass(model, Application) and model is not Application]
    return tuple(sorted(kinds, key=lambda model: model._meta.label_lower))


def kind_for_label(label: str) -> type[Application] | None:
    return next((model for model in application_kinds() if model._meta.label_lower == label.lower()), None)


def path_from_parent(kind) -> str:
    """The lookup from ``Application`` to this kind's row, e.g. ``cityapplication``."""
    return kind._meta.get_ancestor_link(Application).related_query_name()


def interest_field(kind) -> str | None:
    declared = getattr(kind, "interest_field", None)
    if declared:
        return declared
    targets = {label.lower() for label in getattr(kind, "assignable_page_types", ())}
    for field in kind._meta.local_many_to_many:
        if field.related_model._meta.label_lower in targets:
            return field.name
    return None


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


def has_field(kind, name: str) -> bool:
    try:
        kind._meta.get_field(name)
    except Exception:  # FieldDoesNotExist
        return False
    return True


def interest_q(page_ids) -> Q:
    """Applications of any kind interested in one of ``page_ids``."""
    q = Q(pk__in=[])
    for kind in application_kinds():
        field = interest_field(kind)
        if field:
            q |= Q(**{f"{path_from_parent(kind)}__{field}__in": page_ids})
    return q


def country_q(code: str) -> Q:
    q = Q(pk__in=[])
    for kind in application_kinds():
        if has_field(kind, "country"):
            q |= Q(**{f"{path_from_parent(kind)}__country": code.upper()})
    return q


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
