"""Reads of assessments: the listing's count and mean (one subquery each, whatever the number of rows), the
aggregate of a round, and the rows whose assessment is awaited from a user."""

from collections import Counter, defaultdict
from statistics import mean

from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, Case, Count, Exists, FloatField, IntegerField, OuterRef, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from ..models import Application, Assessment, AssessmentConflict, AssessmentScore, Recommendation
from .records import records_filter
from .staff import application_kinds


def record_content_types(model) -> list[int]:
    """The content types records of ``model``'s rows carry: its own, and for the plugin's ``Application`` queue
    every kind's too (records point at the specific kind)."""
    if model is Application:
        return [ct.pk for ct in ContentType.objects.get_for_models(Application, *application_kinds()).values()]
    return [ContentType.objects.get_for_model(model).pk]


def latest_given(model):
    """Given assessments of rows of ``model`` in their latest round (for ``OuterRef("pk")``)."""
    return Assessment.objects.filter(
        content_type_id__in=record_content_types(model),
        object_id=OuterRef("pk"),
        given_at__isnull=False,
        superseded=False,
    )


def _hidden_from(model, user):
    """A test for the rows ``user`` declared a conflict with (None for no user): their scores are blank to them."""
    if not getattr(user, "is_authenticated", False):
        return None
    return Exists(
        AssessmentConflict.objects.filter(
            content_type_id__in=record_content_types(model), object_id=OuterRef("pk"), user_id=user.pk
        )
    )


def _unless(conflicted, expression, output_field):
    if conflicted is None:
        return expression
    return Case(When(conflicted, then=Value(None)), default=expression, output_field=output_field)


def with_assessment_summary(queryset, *, user=None):
    """``queryset`` annotated with ``assessment_count`` (given, latest round) and ``assessment_mean`` (their mean
    score over every criterion, None without scores); both None on rows ``user`` declared a conflict with."""
    model = queryset.model
    counted = latest_given(model).order_by().values("object_id").annotate(total=Count("pk")).values("total")[:1]
    scores = AssessmentScore.objects.filter(
        assessment__content_type_id__in=record_content_types(model),
        assessment__object_id=OuterRef("pk"),
        assessment__given_at__isnull=False,
        assessment__superseded=False,
    )
    averaged = scores.order_by().values("assessment__object_id").annotate(avg=Avg("score")).values("avg")[:1]
    conflicted = _hidden_from(model, user)
    return queryset.annotate(
        assessment_count=_unless(
            conflicted, Coalesce(Subquery(counted, output_field=IntegerField()), Value(0)), IntegerField()
        ),
        assessment_mean=_unless(conflicted, Subquery(averaged, output_field=FloatField()), FloatField()),
    )


def with_criterion_means(queryset, criteria, *, prefix: str, user=None):
    """``queryset`` annotated with ``<prefix><criterion pk>``: each criterion's mean score in the latest round
    (None on rows ``user`` declared a conflict with)."""
    model = queryset.model
    conflicted = _hidden_from(model, user)
    annotations = {}
    for criterion in criteria:
        scores = AssessmentScore.objects.filter(
            criterion=criterion,
            assessment__content_type_id__in=record_content_types(model),
            assessment__object_id=OuterRef("pk"),
            assessment__given_at__isnull=False,
            assessment__superseded=False,
        )
        averaged = scores.order_by().values("assessment__object_id").annotate(avg=Avg("score")).values("avg")[:1]
        annotations[f"{prefix}{criterion.pk}"] = _unless(
            conflicted, Subquery(averaged, output_field=FloatField()), FloatField()
        )
    return queryset.annotate(**annotations)


def awaiting_assessment_q(*, model, user) -> Q:
    """Rows of ``model`` whose assessment was requested from ``user`` and is still awaited (not given, declined,
    withdrawn nor closed)."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return Q(pk__in=[])
    awaited = (
        Assessment.objects.awaited()
        .filter(content_type_id__in=record_content_types(model), reviewer=user)
        .values("object_id")
    )
    return Q(pk__in=awaited)


def chased_assessment_q(*, model, user) -> Q:
    """Rows of ``model`` where a request ``user`` made is overdue: theirs to chase or re-assign."""
    if not (getattr(user, "is_authenticated", False) and user.is_active):
        return Q(pk__in=[])
    chased = (
        Assessment.objects.awaited()
        .filter(
            content_type_id__in=record_content_types(model),
            requested_by=user,
            due_date__lt=timezone.localdate(),
        )
        .values("object_id")
    )
    return Q(pk__in=chased)


def round_summary(assessments, criteria) -> dict:
    """The aggregate of one round's assessments: per criterion mean, overall mean, recommendation counts."""
    given = [assessment for assessment in assessments if assessment.given_at is not None]
    by_criterion = defaultdict(list)
    for assessment in given:
        for score in assessment.scores.all():
            by_criterion[score.criterion_id].append(score.score)
    all_scores = [score for scores in by_criterion.values() for score in scores]
    counts = Counter(assessment.recommendation for assessment in given)
    return {
        "given": len(given),
        "requested": len([assessment for assessment in assessments if not assessment.is_ended]),
        "criteria": [
            {
                "criterion": criterion,
                "mean": round(mean(by_criterion[criterion.pk]), 2) if by_criterion[criterion.pk] else None,
                "count": len(by_criterion[criterion.pk]),
            }
            for criterion in criteria
        ],
        "mean": round(mean(all_scores), 2) if all_scores else None,
        "recommendations": [
            {"value": value, "label": label, "count": counts.get(value, 0)} for value, label in Recommendation.choices
        ],
    }


def assessment_rounds(submission, criteria) -> list[dict]:
    """Every round's assessments of ``submission`` (latest first), each with its aggregate."""
    assessments = (
        Assessment.objects.filter(**records_filter(submission))
        .select_related("reviewer", "requested_by")
        .prefetch_related("scores__criterion")
        .order_by("-round", "requested_at", "pk")
    )
    rounds = defaultdict(list)
    for assessment in assessments:
        rounds[assessment.round].append(assessment)
    return [
        {"round": number, "assessments": rows, "summary": round_summary(rows, criteria), "open": rows[0].is_open}
        for number, rows in sorted(rounds.items(), reverse=True)
    ]
