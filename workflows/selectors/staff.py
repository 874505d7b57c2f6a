"""The plugin's application queue as staff see it: one visibility rule, loaded without a query per row."""

from collections import defaultdict
from functools import cache

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from wagtail.models import Page

from ..adapters import target_adapter
from ..models import Application
from .related import attach_related
from .visibility import submissions_visible_to, user_sees_all_submissions


@cache
def application_kinds() -> tuple[type[Application], ...]:
    """The concrete kinds of the plugin's queue (multi-table children of ``Application``), by label."""
    kinds = [model for model in apps.get_models() if issubclass(model, Application) and model is not Application]
    return tuple(sorted(kinds, key=lambda model: model._meta.label_lower))


def applications_visible_to(*, user):
    """Every kind's applications ``user`` may see, as ``Application`` rows (the rule is asked of each kind:
    only the kinds know which pages their leaders lead)."""
    queryset = Application.objects.select_related("kind", "assigned_to")
    if user_sees_all_submissions(user=user, model=Application):
        return queryset
    visible = Q(pk__in=[])
    for kind in application_kinds():
        visible |= Q(pk__in=submissions_visible_to(user=user, queryset=kind._default_manager.all()).values("pk"))
    return queryset.filter(visible)


def application_visible_to(*, user, pk: int):
    """The application ``pk`` as its kind, or None when ``user`` may not see it."""
    application = applications_visible_to(user=user).filter(pk=pk).first()
    return specifics_of([application])[0] if application is not None else None


def specifics_of(applications: list[Application]) -> list[Application]:
    """Each application as its kind, fetched once per kind with its assigned page and its pages of interest
    (``attach_related``: read them with ``related_of``), and the assigned pages' managers asked at once (see
    ``prefetch_target_managers``)."""
    found = _specifics_by_pk([(application.pk, application.kind_id) for application in applications])
    return _prepared([found.get(application.pk, application) for application in applications])


def specifics_of_keys(keys: list[tuple[int, int]]) -> list[Application]:
    """As ``specifics_of``, from ``(pk, kind_id)`` pairs in the order wanted (e.g. a page of
    ``values_list("pk", "kind_id")``): each row is read once, from its kind, never first as a queue row."""
    found = _specifics_by_pk(keys)
    missing = [pk for pk, _kind_id in keys if pk not in found]
    if missing:  # a kind whose model is gone: the queue's row
        found.update(Application.objects.select_related("kind", "assigned_to").in_bulk(missing))
    return _prepared([found[pk] for pk, _kind_id in keys if pk in found])


def _specifics_by_pk(keys) -> dict[int, Application]:
    by_kind = defaultdict(list)
    for pk, kind_id in keys:
        by_kind[kind_id].append(pk)
    found = {}
    for kind_id, pks in by_kind.items():
        model = ContentType.objects.get_for_id(kind_id).model_class()
        if model is None:
            continue
        rows = list(model._default_manager.filter(pk__in=pks).select_related("kind", "assigned_to"))
        if model.interest_field:
            attach_related(rows, [model.interest_field])
        found.update({obj.pk: obj for obj in rows})
    return found


def _prepared(specifics: list[Application]) -> list[Application]:
    _cache_specific_targets(specifics)
    prefetch_target_managers(specifics)
    return specifics


def _cache_specific_targets(applications) -> None:
    """Give each assigned page its ``specific`` (one query per page type), read by the leaders' rule."""
    pages = [app.assigned_to for app in applications if app.assigned_to_id and app.assigned_to is not None]
    if not pages:
        return
    specific = {page.pk: page for page in Page.objects.filter(pk__in={p.pk for p in pages}).specific()}
    for page in pages:
        if page.pk in specific:
            page.__dict__["specific"] = specific[page.pk]


def prefetch_target_managers(applications) -> None:
    """Ask for the managers of all the rows' assigned pages at once, not once per application;
    ``target_managers`` reads the answer from ``_prefetched_target_managers``.

    Each page model's target adapter is asked once for all its pages (``TargetAdapter.managers_of``). A kind
    that overrides ``target_managers`` is asked itself, once per page.
    """
    managers: dict[int, list] = {}
    batched = defaultdict(dict)  # page model → {pk: page}
    for application in applications:
        page = application.assigned_to if application.assigned_to_id else None
        if page is None or type(application).target_managers is not Application.target_managers:
            continue
        batched[type(page.specific)][page.pk] = page.specific
    for page_model, pages in batched.items():
        managers.update(target_adapter(page_model).managers_of(list(pages.values())))
    for application in applications:
        if not application.assigned_to_id or application.assigned_to is None:
            continue
        page = application.assigned_to
        if page.pk not in managers:
            managers[page.pk] = list(application.target_managers(page))
        application._prefetched_target_managers = (page.pk, managers[page.pk])


def prefetch_managed_targets(submissions, *, user, target_ids: set[int]) -> None:
    """Answer "does ``user`` lead this row's target?" from ``target_ids`` (``target_ids_managed_by``, once per
    listing): ``user_manages_target`` reads it from ``_prefetched_managed_targets``."""
    for submission in submissions:
        if isinstance(submission, Application):
            submission._prefetched_managed_targets = (user.pk, target_ids)
