"""Assessments in the reports: what each reviewer was asked and did, and the mean score per criterion and target."""

from dataclasses import dataclass

from django.db.models import Avg, Count, OuterRef, Q, Subquery

from ..models import Application, Assessment, AssessmentScore
from .scope import ReportScope


@dataclass
class ReviewerFigures:
    reviewer_id: int | None
    name: str
    requested: int
    given: int
    overdue: int
    declined: int


def _assessments(scope: ReportScope):
    return Assessment.objects.filter(content_type_id__in=scope.kind_ids, object_id__in=scope.applications.values("pk"))


def assessments_by_reviewer(scope: ReportScope) -> list[ReviewerFigures]:
    """Per reviewer, the requests made in the period: how many were given, are overdue today, or were declined."""
    awaited = Q(given_at__isnull=True, closed_at__isnull=True, declined_at__isnull=True, withdrawn_at__isnull=True)
    rows = (
        _assessments(scope)
        .filter(requested_at__gte=scope.start_at, requested_at__lt=scope.end_before)
        .values("reviewer_id", "reviewer__first_name", "reviewer__last_name", "reviewer__username")
        .annotate(
            requested=Count("pk"),
            given=Count("pk", filter=Q(given_at__isnull=False)),
            overdue=Count("pk", filter=awaited & Q(due_date__lt=scope.today)),
            declined=Count("pk", filter=Q(declined_at__isnull=False)),
        )
        .order_by()
    )
    figures = []
    for row in rows:
        full_name = f"{row['reviewer__first_name']} {row['reviewer__last_name']}".strip()
        figures.append(
            ReviewerFigures(
                reviewer_id=row["reviewer_id"],
                name=full_name or row["reviewer__username"] or "",
                requested=row["requested"],
                given=row["given"],
                overdue=row["overdue"],
                declined=row["declined"],
            )
        )
    return sorted(figures, key=lambda figure: (figure.reviewer_id is None, figure.name.casefold()))


@dataclass
class CriterionMean:
    criterion_id: int
    criterion: str
    kind_id: int
    target_id: int | None
    mean: float
    scores: int


def mean_scores(scope: ReportScope) -> list[CriterionMean]:
    """The mean score each criterion was given in the period, per target page the application is assigned to."""
    target = Application.objects.filter(pk=OuterRef("assessment__object_id")).values("assigned_to_id")[:1]
    rows = (
        AssessmentScore.objects.filter(
            assessment__in=_assessments(scope).filter(given_at__gte=scope.start_at, given_at__lt=scope.end_before)
        )
        .annotate(target_id=Subquery(target))
        .values("criterion_id", "criterion__name", "criterion__kind_id", "criterion__sort_order", "target_id")
        .annotate(mean=Avg("score"), scores=Count("pk"))
        .order_by("criterion__kind_id", "criterion__sort_order", "criterion_id", "target_id")
    )
    return [
        CriterionMean(
            criterion_id=row["criterion_id"],
            criterion=row["criterion__name"],
            kind_id=row["criterion__kind_id"],
            target_id=row["target_id"],
            mean=float(row["mean"]),
            scores=row["scores"],
        )
        for row in rows
    ]
