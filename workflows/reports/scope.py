"""Whose applications a report covers, and for which period."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import QuerySet
from django.utils import timezone

from ..models import Application
from ..selectors.staff import application_kinds
from ..selectors.visibility import target_ids_managed_by

REPORTS_PERMISSION = "workflow_forms.view_reports"


@dataclass(frozen=True)
class ReportScope:
    """The applications a report counts (``Application`` rows) and the period, in whole days of the site's time
    zone: ``start`` and ``end`` both included."""

    applications: QuerySet
    start: date
    end: date
    today: date

    @property
    def start_at(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.start, time.min))

    @property
    def end_before(self) -> datetime:
        """The first moment after the period."""
        return timezone.make_aware(datetime.combine(self.end + timedelta(days=1), time.min))

    @property
    def kind_ids(self) -> list[int]:
        from django.contrib.contenttypes.models import ContentType

        return [ContentType.objects.get_for_model(kind).pk for kind in application_kinds()]


def led_target_ids(user) -> set[int]:
    ids = set()
    for kind in application_kinds():
        ids |= target_ids_managed_by(user=user, model=kind)
    return ids


def user_may_see_reports(user) -> bool:
    """Coordinators (the reports permission) see every application; a target's leaders see their targets'."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.has_perm(REPORTS_PERMISSION) or bool(led_target_ids(user))


def report_scope_for(*, user, start: date, end: date, kind_id: int | None = None) -> ReportScope:
    """The scope of ``user``'s reports: every application with the reports permission, else the applications
    assigned to the targets they lead (nothing for anyone else). ``kind_id`` narrows it to one kind."""
    applications = Application.objects.all()
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        applications = applications.none()
    elif not user.has_perm(REPORTS_PERMISSION):
        applications = applications.filter(assigned_to_id__in=led_target_ids(user))
    if kind_id is not None:
        applications = applications.filter(kind_id=kind_id)
    return ReportScope(applications=applications, start=start, end=end, today=timezone.localdate())
