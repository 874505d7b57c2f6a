"""Everything held about one e-mail address, as plain data (the applicant's right of access).

What is included and why (see workflows/README.md, "Personal data"): every submission made with the address, with
its fields, answers, the files listed (name, size, when), the log of state changes with the messages to the
applicant and the internal reasons staff recorded, the internal notes, the assessments given (scores,
recommendation, comment), and every mail sent to the address. Staff members' names are left out: they are
other people's data (GDPR art. 15(4)); so are assessments requested and not given (they say only who was asked).

Other apps add what they hold (e.g. a member account) with the ``workflow_forms_export_applicant_data`` hook:
``fn(*, email, submissions) -> dict`` whose items are added under ``"other"``.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from wagtail import hooks

from ..mail import mail_subject
from ..models import AbstractRegistration, Assessment, InternalNote, Notification, SubmittedFile, TransitionLog
from ..registry import submissions_for_email
from ..services.drafts import draft_data, drafts_for_email

EXPORT_HOOK = "workflow_forms_export_applicant_data"
ERASED_DOMAIN = "erased.invalid"


def is_erased_address(email: str) -> bool:
    """True for the placeholder an erased or anonymised submission carries instead of an address."""
    return email.strip().lower().endswith("@" + ERASED_DOMAIN)


def _plain(value):
    """A JSON-friendly form of a model field's value."""
    if value is None or isinstance(value, bool | int | float | str | list | dict):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)


def submission_fields(submission) -> dict:
    """The submission's own fields (core fields and the applicant's), many-to-many ones as their titles."""
    model = type(submission)
    # A registration says what it is for: its slot (a session, a workshop), named as mails name it.
    slot = (model.slot_field,) if issubclass(model, AbstractRegistration) else ()
    names = dict.fromkeys(("applicant_name", "applicant_email", *slot, *model.core_fields, *model.personal_fields))
    result = {}
    for name in names:
        field = model._meta.get_field(name)
        if field.many_to_many:
            result[name] = [str(item) for item in getattr(submission, name).all()]
        elif isinstance(field, models.ForeignKey):
            result[name] = str(getattr(submission, name) or "")
        else:
            result[name] = _plain(getattr(submission, name))
    return result


def _records(model, submission):
    content_type = ContentType.objects.get_for_model(submission)
    return model.objects.filter(content_type=content_type, object_id=submission.pk)


def _log(submission) -> list[dict]:
    return [
        {
            "when": entry.timestamp.isoformat(),
            "change": entry.transition,
            "from_state": entry.from_state,
            "to_state": entry.to_state,
            "by_applicant": entry.by_applicant,
            "message_to_applicant": entry.message,
            "internal_reason": entry.note,
        }
        for entry in _records(TransitionLog, submission)
    ]


def _files(submission) -> list[dict]:
    return [
        {
            "question": record.field_label,
            "name": record.original_name,
            "size": record.size,
            "uploaded": record.uploaded_at.isoformat(),
            "replaced": record.replaced_at.isoformat() if record.replaced_at else None,
        }
        for record in _records(SubmittedFile, submission)
    ]


def submission_data(submission) -> dict:
    """One submission as the applicant may receive it."""
    return {
        "kind": str(submission._meta.verbose_name),
        "reference": submission.reference,
        "state": submission.state,
        "submitted": submission.submitted_at.isoformat(),
        "last_change": submission.updated_at.isoformat(),
        "fields": submission_fields(submission),
        "answers": submission.answers,
        "files": _files(submission),
        "log": _log(submission),
        "internal_notes": [
            {"written": note.created_at.isoformat(), "text": note.text} for note in _records(InternalNote, submission)
        ],
        "assessments": _assessments(submission),
    }


def _assessments(submission) -> list[dict]:
    """The assessments given, without the reviewers' names (their data, art. 15(4)) nor unanswered requests."""
    given = (
        _records(Assessment, submission)
        .filter(given_at__isnull=False)
        .prefetch_related("scores__criterion")
        .order_by("round", "given_at", "pk")
    )
    return [
        {
            "round": assessment.round,
            "given": assessment.given_at.isoformat(),
            "scores": {score.criterion.name: score.score for score in assessment.scores.all()},
            "recommendation": str(assessment.get_recommendation_display()),
            "comment": assessment.comment,
        }
        for assessment in given
    ]


def notifications_to(email: str) -> list[dict]:
    """The mails queued or sent to ``email``, whatever submission they were about."""
    rows = Notification.objects.filter(recipient_email__iexact=email.strip()).order_by("created_at", "pk")
    return [
        {
            "subject": mail_subject(notification),
            "template": notification.template,
            "state": notification.state,
            "queued": notification.created_at.isoformat(),
            "sent": notification.sent_at.isoformat() if notification.sent_at else None,
        }
        for notification in rows
    ]


def applicant_data(*, email: str) -> dict:
    """Everything held about ``email``: submissions of every kind, mails, and what other apps add."""
    email = email.strip()
    submissions = submissions_for_email(email) if email and not is_erased_address(email) else []
    other = {}
    for hook in hooks.get_hooks(EXPORT_HOOK):
        other.update(hook(email=email, submissions=submissions) or {})
    return {
        "email": email,
        "exported": timezone.now().isoformat(),
        "submissions": [submission_data(submission) for submission in submissions],
        "mails": notifications_to(email) if email else [],
        "drafts": [draft_data(draft) for draft in drafts_for_email(email)] if not is_erased_address(email) else [],
        "other": other,
    }
