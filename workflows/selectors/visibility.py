"""Which submissions a staff user may see: one rule for the admin, exports, files and the API."""

from django.apps import apps
from django.db.models import QuerySet

from ..adapters import target_adapter
from ..models import AbstractRegistration, Application


def view_permission_for(model) -> str:
    """Every application kind shares the plugin's queue permission; other kinds use their own."""
    if issubclass(model, Application):
        return "workflow_forms.view_application"
    return f"{model._meta.app_label}.view_{model._meta.model_name}"


def target_ids_managed_by(*, user, model) -> set[int]:
    """Ids of the target pages whose applications ``user`` leads.

    Each assignable page model's target adapter answers (``TargetAdapter.pages_managed_by``: e.g. the clusters
    a user leads). The answer is kept on the user object, as Django keeps permissions (``_perm_cache``): one
    request asks it many times (the permission check, the admin menu's items, the listing's rows and bulk
    actions, the reports), and it depends only on the kind's target page types.
    """
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return set()
    page_types = tuple(sorted(getattr(model, "assignable_page_types", ())))
    if not hasattr(user, "_workflow_forms_managed_target_ids"):  # forget_managed_target_ids drops it
        user._workflow_forms_managed_target_ids = {}
    memo = user._workflow_forms_managed_target_ids
    if page_types not in memo:
        ids = set()
        for label in page_types:
            managed = target_adapter(apps.get_model(label)).pages_managed_by(user)
            ids.update(managed.values_list("pk", flat=True))
        memo[page_types] = frozenset(ids)
    return set(memo[page_types])


def forget_managed_target_ids(user) -> None:
    """Drop what ``target_ids_managed_by`` kept on ``user``: for a service that changes what the user leads
    and goes on with the same user object."""
    if hasattr(user, "_workflow_forms_managed_target_ids"):
        del user._workflow_forms_managed_target_ids


def user_sees_all_submissions(*, user, model) -> bool:
    return bool(
        getattr(user, "is_authenticated", False) and user.is_active and user.has_perm(view_permission_for(model))
    )


def submissions_visible_to(*, user, queryset: QuerySet, target_ids: set[int] | None = None) -> QuerySet:
    """``queryset`` narrowed to what ``user`` may see: everything with the view permission, otherwise only
    applications assigned to targets the user leads, otherwise nothing. ``target_ids``: the targets the user
    leads when the caller already knows them (``target_ids_managed_by``), to spare asking again."""
    model = queryset.model
    if user_sees_all_submissions(user=user, model=model):
        return queryset
    if issubclass(model, AbstractRegistration):
        if not getattr(user, "is_authenticated", False) or not user.is_active:
            return queryset.none()
        return model.registrations_managed_by(user=user, queryset=queryset)
    if not issubclass(model, Application):
        return queryset.none()
    if target_ids is None:
        target_ids = target_ids_managed_by(user=user, model=model)
    return queryset.filter(assigned_to_id__in=target_ids)


def user_may_see_submission(*, user, submission) -> bool:
    model = type(submission)
    if user_sees_all_submissions(user=user, model=model):
        return True
    if isinstance(submission, AbstractRegistration):
        active = getattr(user, "is_authenticated", False) and user.is_active
        return bool(active and submission.user_manages_registration(user))
    return isinstance(submission, Application) and submission.user_manages_target(user)
