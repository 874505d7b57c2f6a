"""Who may perform each transition. Referenced by name from the @transition decorators."""

from .actors import ApplicantActor

APP_LABEL = "workflow_forms"


def _has(user, codename):
    return not isinstance(user, ApplicantActor) and user.is_active and user.has_perm(f"{APP_LABEL}.{codename}")


def can_review(instance, user):
    return _has(user, "review_application")


def can_request_changes(instance, user):
    return _has(user, "request_changes_application")


def can_assign(instance, user):
    return _has(user, "assign_application")


def can_reject(instance, user):
    return _has(user, "reject_application")


def can_reopen(instance, user):
    return _has(user, "reopen_application")


def can_activate(instance, user):
    return _has(user, "activate_application") or instance.user_manages_target(user)


def can_end(instance, user):
    return _has(user, "end_application") or instance.user_manages_target(user)


def is_the_applicant(instance, user):
    return isinstance(user, ApplicantActor) and user.is_applicant_of(instance)
