"""Structured assessments: requesting them (with a mail), giving and editing one.

Rounds (see ``workflows.models.assessments``): the current round of a submission is one more than the number
of transitions logged for it. ``perform_transition`` closes the open assessments when the state changes, so an
assessment is editable exactly until the submission moves on.

Who may ask and who may be asked: ``services.assessors``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..exceptions import MissingTransitionInput, TransitionNotAllowed, TransitionNotPermitted
from ..log_actions import ASSESSMENT_EDITED_ACTION, ASSESSMENT_GIVEN_ACTION, ASSESSMENT_REQUESTED_ACTION
from ..models import Assessment, AssessmentCriterion, AssessmentScore, Recommendation, TransitionLog
from ..registry import as_specific
from ..selectors.records import records_filter
from ..specs import default_spec
from ..workspaces import submission_admin_url
from .assessment_rules import (
    conflict_refusal_text,
    due_date_error,
    due_date_text,
    ended_request_text,
    user_has_conflict,
)
from .assessment_rules import default_due_date as _default_due_date
from .assessors import (
    AssessorPool,
    request_refusal_text,
    user_may_assess,
    user_may_request_assessments,
)
from .inputs import text_input_error
from .notifications import StaffContexts, notification_queue
from .records import actor_label

ASSESSMENT_MAIL = "staff_assessment_requested"


# -- rounds ---------------------------------------------------------------------------------------


def assessable_states(model) -> set[str]:
    """States from which staff can still move a submission on: assessing it there can inform a decision."""
    transitions = model._meta.get_field("state").get_all_transitions(model)
    return {
        str(transition.source)
        for transition in transitions
        if (transition.custom.get("spec") or default_spec(transition.name)).moves_forward
    }


def current_round(submission) -> int:
    """1 + the number of transitions logged for ``submission``: round 1 until its state first changes."""
    return TransitionLog.objects.filter(**records_filter(submission)).exclude(from_state="").count() + 1


# -- reads ----------------------------------------------------------------------------------------


def assessments_of(submission):
    return Assessment.objects.filter(**records_filter(submission))


def criteria_for(model):
    """The criteria of ``model``'s kind, in their order."""
    return AssessmentCriterion.objects.filter(kind=ContentType.objects.get_for_model(model)).order_by(
        "sort_order", "pk"
    )


# -- writes ---------------------------------------------------------------------------------------


def _refuse_unless_allowed(*, submission, reviewers, user, pool: AssessorPool | None) -> None:
    """TransitionNotPermitted unless ``user`` may ask for assessments of ``submission`` and each reviewer may
    give one."""
    pooled = pool is not None and pool.model is type(submission)
    conflicts = pool.conflicts if pooled else None
    if not user_may_request_assessments(submission=submission, user=user, conflicts=conflicts):
        role = _("Your role does not allow requesting assessments of this application.")
        raise TransitionNotPermitted(request_refusal_text(submission=submission, user=user, otherwise=role))
    may_assess = pool.may_assess if pooled else user_may_assess
    refused = [reviewer for reviewer in reviewers if not may_assess(submission=submission, user=reviewer)]
    if refused:
        names = ", ".join(actor_label(reviewer) for reviewer in refused)
        raise TransitionNotPermitted(
            _("%(names)s may not assess %(reference)s.") % {"names": names, "reference": submission}
        )


def _request_one(*, submission, reviewer, user, round_number: int, due_date, contexts: StaffContexts) -> Assessment:
    """Create one request, log it and mail the reviewer (in their admin language) if they have an address."""
    assessment = Assessment.objects.create(
        submission=submission,
        reviewer=reviewer,
        requested_by=user,
        round=round_number,
        state=submission.state,
        due_date=due_date,
    )
    log(
        submission,
        ASSESSMENT_REQUESTED_ACTION,
        user=user,
        title=str(submission),
        data={
            "assessment_id": assessment.pk,
            "reviewer": actor_label(reviewer),
            "round": round_number,
            "due_date": due_date.isoformat(),
        },
    )
    if reviewer.email:
        notification_queue(
            submission=submission,
            template=ASSESSMENT_MAIL,
            recipient_email=reviewer.email,
            recipient_user=reviewer,
            context={
                **contexts.for_user(reviewer),
                "reviewer_name": actor_label(reviewer),
                "due_date": due_date_text(due_date, reviewer),
            },
        )
    return assessment


def assessments_request(
    *, submission, reviewers, user, pool: AssessorPool | None = None, due_date=None
) -> list[Assessment]:
    """Ask each of ``reviewers`` to assess ``submission`` in its current round and mail them a link.

    Raises TransitionNotPermitted when ``user`` may not ask or a reviewer may not be asked, TransitionNotAllowed
    when the submission is in a state where no assessment can inform a decision. Reviewers already asked in
    this round are skipped. Returns the new requests. ``pool``: an ``AssessorPool`` of the submission's kind
    when many rows are asked at once, so each reviewer is checked again without asking the database per row.
    ``due_date``: a date in the site's time zone (default: the kind's, see ``assessment_rules``);
    MissingTransitionInput when it has passed.
    """
    specific = as_specific(submission)
    due_date = due_date or _default_due_date(type(specific))
    if error := due_date_error(due_date):
        raise MissingTransitionInput(error, field_errors={"due_date": error})
    _refuse_unless_allowed(submission=specific, reviewers=reviewers, user=user, pool=pool)
    with transaction.atomic():
        current = type(specific)._default_manager.select_for_update().get(pk=specific.pk)
        if current.state not in assessable_states(type(current)):
            raise TransitionNotAllowed(
                _("Assessments cannot be requested while the application is “%(state)s”.")
                % {"state": current.get_state_display()}
            )
        round_number = current_round(current)
        existing = assessments_of(current)
        already = set(existing.filter(round=round_number).values_list("reviewer_id", flat=True))
        existing.filter(round__lt=round_number, superseded=False).update(superseded=True)
        created = []
        # Each reviewer's mail in their own admin language, as the other staff alerts.
        contexts = StaffContexts(
            current,
            extra={"assessment_url": submission_admin_url(current, "assessment"), "requested_by": actor_label(user)},
        )
        for reviewer in reviewers:
            if reviewer.pk in already:
                continue
            already.add(reviewer.pk)
            created.append(
                _request_one(
                    submission=current,
                    reviewer=reviewer,
                    user=user,
                    round_number=round_number,
                    due_date=due_date,
                    contexts=contexts,
                )
            )
    return created


def _cleaned(*, submission, scores: dict, recommendation: str, comment: str) -> dict:
    """The scores by criterion (every criterion of the kind, each 1–5), or MissingTransitionInput."""
    errors = {}
    criteria = list(criteria_for(type(submission)))
    cleaned = {}
    for criterion in criteria:
        value = scores.get(criterion.pk, scores.get(str(criterion.pk)))
        if value in (None, ""):
            errors[f"score_{criterion.pk}"] = _("Give “%(criterion)s” a score from 1 to 5.") % {
                "criterion": criterion.name
            }
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if str(number) != str(value).strip() or not 1 <= number <= 5:
            errors[f"score_{criterion.pk}"] = _("Give “%(criterion)s” a score from 1 to 5.") % {
                "criterion": criterion.name
            }
            continue
        cleaned[criterion] = number
    known = {str(criterion.pk) for criterion in criteria}
    unknown = sorted(str(key) for key in scores if str(key) not in known)
    if unknown:
        errors["scores"] = _("No criterion of this kind has the id %(ids)s.") % {"ids": ", ".join(unknown)}
    if recommendation not in Recommendation.values:
        errors["recommendation"] = _("Choose a recommendation: accept, ask for changes or decline.")
    comment_error = text_input_error(comment)
    if comment_error:
        errors["comment"] = comment_error
    if errors:
        raise MissingTransitionInput(
            _("The assessment was not saved: correct the marked answers."), field_errors=errors
        )
    return cleaned


def assessment_give(*, submission, user, scores: dict, recommendation: str, comment: str = "") -> Assessment:
    """Save ``user``'s assessment of ``submission`` (first time or an edit) while its round is open.

    ``scores`` maps criterion ids to 1–5. Raises TransitionNotPermitted when ``user`` was not asked or may no
    longer assess it, TransitionNotAllowed when the submission has moved on, MissingTransitionInput
    (``field_errors``) for a missing or invalid answer.
    """
    specific = as_specific(submission)
    comment = (comment or "").strip()
    if user_has_conflict(submission=specific, user=user):
        raise TransitionNotPermitted(conflict_refusal_text())
    if not user_may_assess(submission=specific, user=user):
        raise TransitionNotPermitted(_("You may not assess this application."))
    with transaction.atomic():
        requested = assessments_of(specific).select_for_update().filter(reviewer=user).order_by("-round", "-pk").first()
        if requested is None:
            raise TransitionNotPermitted(_("No assessment of this application was requested from you."))
        if requested.is_ended:
            raise TransitionNotAllowed(ended_request_text(requested))
        if requested.closed_at is not None:
            raise TransitionNotAllowed(
                _("The application has moved on since your assessment was requested: it can no longer be changed.")
            )
        cleaned = _cleaned(submission=specific, scores=scores, recommendation=recommendation, comment=comment)
        first_time = requested.given_at is None
        now = timezone.now()
        requested.recommendation = recommendation
        requested.comment = comment
        requested.given_at = requested.given_at or now
        requested.changed_at = now
        requested.save(update_fields=["recommendation", "comment", "given_at", "changed_at"])
        for criterion, score in cleaned.items():
            AssessmentScore.objects.update_or_create(
                assessment=requested, criterion=criterion, defaults={"score": score}
            )
        log(
            specific,
            ASSESSMENT_GIVEN_ACTION if first_time else ASSESSMENT_EDITED_ACTION,
            user=user,
            title=str(specific),
            data={
                "assessment_id": requested.pk,
                "round": requested.round,
                "recommendation": recommendation,
                "scores": {criterion.name: score for criterion, score in cleaned.items()},
            },
        )
    return requested


def assessments_close(*, submission) -> int:
    """Close the open assessments of ``submission`` (it moved on); called by ``perform_transition``."""
    return assessments_of(submission).filter(closed_at__isnull=True).update(closed_at=timezone.now())
