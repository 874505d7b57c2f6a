"""After a request: the reviewer declines it (not available, or a conflict of interest), a coordinator withdraws
or re-assigns it, and conflicts of interest are recorded (by the person, or by a coordinator on their behalf).

Each write locks the request row, logs a Wagtail audit entry (the application's history) and a line on the
``workflows.assessments`` logger, and mails through the outbox after the commit.
"""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from ..exceptions import MissingTransitionInput, TransitionNotAllowed, TransitionNotPermitted
from ..log_actions import (
    ASSESSMENT_DECLINED_ACTION,
    ASSESSMENT_REASSIGNED_ACTION,
    ASSESSMENT_WITHDRAWN_ACTION,
    CONFLICT_DECLARED_ACTION,
)
from ..models import Assessment, AssessmentConflict, DeclineReason
from ..registry import as_specific
from ..selectors.visibility import user_may_see_submission
from .assessment_rules import conflicts_of, user_has_conflict
from .assessments import assessments_of, assessments_request, current_round
from .assessors import request_refusal_text, user_may_request_assessments
from .inputs import text_input_error
from .notifications import StaffContexts, notification_queue
from .records import actor_label

logger = logging.getLogger("workflows.assessments")
DECLINED_MAIL = "staff_assessment_declined"
WITHDRAWN_MAIL = "staff_assessment_withdrawn"


def _note_or_error(note: str) -> str:
    note = (note or "").strip()
    if error := text_input_error(note):
        raise MissingTransitionInput(error, field_errors={"note": error})
    return note


def _alert_requester(*, submission, assessment, user) -> None:
    """Tell the coordinator who asked that ``user`` declined (in the coordinator's admin language)."""
    requester = assessment.requested_by
    if requester is None or not requester.is_active or not requester.email:
        return
    contexts = StaffContexts(
        submission,
        extra={
            "reviewer_name": actor_label(user),
            "decline_reason": assessment.decline_reason,
            "decline_note": assessment.decline_note,
        },
    )
    notification_queue(
        submission=submission,
        template=DECLINED_MAIL,
        recipient_email=requester.email,
        recipient_user=requester,
        context=contexts.for_user(requester),
    )


def _tell_reviewer_withdrawn(*, submission, assessment, user) -> None:
    """Tell the reviewer whose request ``user`` withdrew that it is no longer awaited (in their admin language)."""
    reviewer = assessment.reviewer
    if reviewer is None or not reviewer.is_active or not reviewer.email:
        return
    contexts = StaffContexts(submission, extra={"withdrawn_by_name": actor_label(user)})
    notification_queue(
        submission=submission,
        template=WITHDRAWN_MAIL,
        recipient_email=reviewer.email,
        recipient_user=reviewer,
        context=contexts.for_user(reviewer),
    )


def assessment_decline(*, submission, user, reason: str, note: str = "") -> Assessment:
    """Decline ``user``'s open request to assess ``submission``: ``reason`` is ``conflict_of_interest`` (recorded
    as a declared conflict, with ``note``) or ``unavailable``. The coordinator who asked is mailed.

    Raises MissingTransitionInput for an unknown reason or an invalid note, TransitionNotPermitted when no open
    request waits for ``user``, TransitionNotAllowed when it was given already or the application moved on.
    """
    specific = as_specific(submission)
    if reason not in DeclineReason.values:
        raise MissingTransitionInput(
            _("Choose why you decline: a conflict of interest, or not available."),
            field_errors={"reason": _("Choose a conflict of interest or not available.")},
        )
    note = _note_or_error(note)
    with transaction.atomic():
        requested = (
            assessments_of(specific).select_for_update().filter(reviewer=user, round=current_round(specific)).first()
        )
        if requested is None or requested.is_ended:
            raise TransitionNotPermitted(_("No open assessment request of this application is waiting for you."))
        if requested.given_at is not None:
            raise TransitionNotAllowed(_("You have given your assessment already: it can no longer be declined."))
        if requested.closed_at is not None:
            raise TransitionNotAllowed(_("The application has moved on since your assessment was requested."))
        requested.declined_at = timezone.now()
        requested.decline_reason = reason
        requested.decline_note = note
        requested.save(update_fields=["declined_at", "decline_reason", "decline_note"])
        log(
            specific,
            ASSESSMENT_DECLINED_ACTION,
            user=user,
            title=str(specific),
            data={
                "assessment_id": requested.pk,
                "reviewer": actor_label(user),
                "reason": reason,
                "reason_label": str(DeclineReason(reason).label),
            },
        )
        if reason == DeclineReason.CONFLICT_OF_INTEREST:
            _declare(submission=specific, person=user, user=user, note=note)
        _alert_requester(submission=specific, assessment=requested, user=user)
    logger.info("assessment declined assessment_id=%s reason=%s user_id=%s", requested.pk, reason, user.pk)
    return requested


def assessment_withdraw(*, assessment: Assessment, user, replacement=None, due_date=None) -> Assessment | None:
    """Withdraw ``assessment`` (a request not given yet) and, with ``replacement``, ask them instead (due
    ``due_date``, default the kind's). Returns the new request, if any. Nothing changes when any part is refused:
    TransitionNotPermitted (``user`` may not, or the replacement may not assess it), TransitionNotAllowed (given,
    declined, withdrawn, or the application moved on), MissingTransitionInput (a due date that has passed).
    The reviewer is mailed that the request was withdrawn."""
    specific = as_specific(assessment.submission)
    if not user_may_request_assessments(submission=specific, user=user):
        raise TransitionNotPermitted(
            request_refusal_text(
                submission=specific, user=user, otherwise=_("Your role does not allow withdrawing assessment requests.")
            )
        )
    with transaction.atomic():
        # No select_related: PostgreSQL cannot lock the nullable side of an outer join.
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if not locked.is_awaited:
            raise TransitionNotAllowed(_("This request is no longer awaited: it was given, declined or withdrawn."))
        locked.withdrawn_at = timezone.now()
        locked.withdrawn_by = user
        locked.save(update_fields=["withdrawn_at", "withdrawn_by"])
        reviewer = actor_label(locked.reviewer) if locked.reviewer else ""
        log(
            specific,
            ASSESSMENT_WITHDRAWN_ACTION,
            user=user,
            title=str(specific),
            data={"assessment_id": locked.pk, "reviewer": reviewer},
        )
        _tell_reviewer_withdrawn(submission=specific, assessment=locked, user=user)
        created = None
        if replacement is not None:
            created = _replace(specific=specific, withdrawn=locked, replacement=replacement, user=user, due=due_date)
    logger.info("assessment withdrawn assessment_id=%s by_user_id=%s", locked.pk, user.pk)
    return created


def _replace(*, specific, withdrawn, replacement, user, due) -> Assessment:
    new = assessments_request(submission=specific, reviewers=[replacement], user=user, due_date=due)
    if not new:
        raise TransitionNotAllowed(
            _("%(name)s was already asked in this round.") % {"name": actor_label(replacement)},
            field_errors={"replacement": _("Already asked in this round.")},
        )
    log(
        specific,
        ASSESSMENT_REASSIGNED_ACTION,
        user=user,
        title=str(specific),
        data={
            "assessment_id": withdrawn.pk,
            "new_assessment_id": new[0].pk,
            "reviewer": actor_label(withdrawn.reviewer) if withdrawn.reviewer else "",
            "replacement": actor_label(replacement),
        },
    )
    return new[0]


def conflict_record(*, submission, person, user, note: str = "") -> AssessmentConflict:
    """Record that ``person`` has a conflict of interest with ``submission`` (``user`` declares it: the person,
    or a coordinator on their behalf). Their requests still awaited are withdrawn. Recording it twice keeps the
    first declaration."""
    specific = as_specific(submission)
    note = _note_or_error(note)
    on_behalf = person.pk != user.pk
    if on_behalf and not user_may_request_assessments(submission=specific, user=user):
        role = _("Your role does not allow recording conflicts of interest for others.")
        raise TransitionNotPermitted(request_refusal_text(submission=specific, user=user, otherwise=role))
    if not on_behalf and not user_may_see_submission(user=user, submission=specific):
        raise TransitionNotPermitted(_("You may not see this application."))
    with transaction.atomic():
        conflict = _declare(submission=specific, person=person, user=user, note=note)
        for request in assessments_of(specific).select_for_update().awaited().filter(reviewer=person):
            request.withdrawn_at = timezone.now()
            request.withdrawn_by = user
            request.save(update_fields=["withdrawn_at", "withdrawn_by"])
    return conflict


def _declare(*, submission, person, user, note: str) -> AssessmentConflict:
    existing = conflicts_of(submission).filter(user=person).first()
    if existing is not None:
        return existing
    conflict = AssessmentConflict.objects.create(submission=submission, user=person, note=note, declared_by=user)
    log(
        submission,
        CONFLICT_DECLARED_ACTION,
        user=user,
        title=str(submission),
        data={"conflict_id": conflict.pk, "person": actor_label(person), "on_behalf": person.pk != user.pk},
    )
    logger.info(
        "conflict of interest declared conflict_id=%s user_id=%s by_user_id=%s", conflict.pk, person.pk, user.pk
    )
    return conflict


__all__ = ["assessment_decline", "assessment_withdraw", "conflict_record", "user_has_conflict"]
