"""Reads of assessment requests: which are overdue (for the listing's filter and column, the inspect page and the
staff API), and each request's state in words."""

from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..models import Assessment
from .assessments import record_content_types

REQUEST_STATES = {
    "given": _("Given"),
    "declined": _("Declined"),
    "withdrawn": _("Withdrawn"),
    "closed": _("Not given before the application moved on"),
    "overdue": _("Overdue"),
    "awaited": _("Awaited"),
}


def awaited_q(prefix: str = "") -> Q:
    """Requests still expected from their reviewer: not given, declined, withdrawn, nor closed."""
    return Q(
        **{
            f"{prefix}given_at__isnull": True,
            f"{prefix}closed_at__isnull": True,
            f"{prefix}declined_at__isnull": True,
            f"{prefix}withdrawn_at__isnull": True,
        }
    )


def overdue_q(*, today=None) -> Q:
    """Awaited requests whose due date (a date in the site's time zone) has passed."""
    return awaited_q() & Q(due_date__lt=today or timezone.localdate())


def _overdue_of_rows(model, *, today=None):
    return Assessment.objects.filter(
        overdue_q(today=today), content_type_id__in=record_content_types(model), object_id=OuterRef("pk")
    )


def with_overdue_count(queryset, *, today=None):
    """``queryset`` annotated with ``assessments_overdue``: how many of its requests are overdue."""
    counted = (
        _overdue_of_rows(queryset.model, today=today)
        .order_by()
        .values("object_id")
        .annotate(total=Count("pk"))
        .values("total")[:1]
    )
    return queryset.annotate(assessments_overdue=Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)))


def overdue_rows_q(model, *, today=None) -> Q:
    """Rows of ``model`` with at least one overdue request (an EXISTS: no join repeats a row)."""
    return Q(Exists(_overdue_of_rows(model, today=today)))


def request_state(assessment, *, today=None) -> str:
    """One of ``REQUEST_STATES``' keys."""
    if assessment.given_at is not None:
        return "given"
    if assessment.declined_at is not None:
        return "declined"
    if assessment.withdrawn_at is not None:
        return "withdrawn"
    if assessment.closed_at is not None:
        return "closed"
    if assessment.is_overdue(today or timezone.localdate()):
        return "overdue"
    return "awaited"
