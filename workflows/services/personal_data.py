"""Erasing a person: their submissions stay as anonymous rows, everything that names them goes.

What stays, so figures and counts do not change: each submission's row, kind, state, dates, targets and
interests, and the structure of its log (which change, from and to which state, when, by whom on the staff).
What goes: the fields the kind lists in ``personal_fields`` (the name becomes "Erased applicant", the address a
placeholder under the reserved ``.invalid`` domain), the answers' values, the messages and internal reasons in
the log and in Wagtail's audit entries, the internal notes' text, the assessments' comments (their scores
and recommendations stay: they name no one) and the notes on declined requests and declared conflicts, the
mails' recipient (where it was the applicant) and context, the uploaded files (storage and rows), and the
drafts not sent yet (``services.drafts``, with their files). Each
erased submission gets an audit entry saying that it was erased and why, without the address.

Other apps erase what they hold with the ``workflow_forms_erase_applicant`` hook:
``fn(*, email, submissions) -> list[str]`` (what it erased, in words), called before the rows change.
"""

import re
import secrets
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from modelsearch import index
from wagtail import hooks
from wagtail.log_actions import log
from wagtail.models import ModelLogEntry

from ..log_actions import ERASED_ACTION
from ..models import Assessment, AssessmentConflict, InternalNote, Notification, SubmittedFile, TransitionLog
from ..registry import as_specific, submissions_for_email
from ..selectors.personal_data import ERASED_DOMAIN, is_erased_address
from ..tokens import token_hash
from .drafts import drafts_erase

ERASE_HOOK = "workflow_forms_erase_applicant"
ERASED_NAME = "Erased applicant"
REDACTED = "[erased]"
#: What a mail's context may keep once the person is erased: nothing in it names them.
KEPT_CONTEXT_KEYS = ("language", "site_name", "site_url", "reference", "kind", "state_label", "target_title")


@dataclass
class Erasure:
    """What one erasure did, in numbers (and the other apps' words)."""

    submissions: list[str] = field(default_factory=list)
    files: int = 0
    notifications: int = 0
    drafts: int = 0
    other: list[str] = field(default_factory=list)


def erased_address() -> str:
    return f"erased-{uuid.uuid4().hex[:16]}@{ERASED_DOMAIN}"


def _blank_value(model_field):
    if isinstance(model_field, models.CharField | models.TextField):
        return ""
    if model_field.null:
        return None
    return model_field.get_default()


def _scrub(value, patterns):
    """``value`` (a log entry's data) with every string naming the person redacted."""
    if isinstance(value, dict):
        return {key: _scrub(item, patterns) for key, item in value.items()}
    if isinstance(value, list):
        return [_scrub(item, patterns) for item in value]
    if isinstance(value, str):
        for pattern in patterns:
            value = pattern.sub(REDACTED, value)
    return value


def _identity_patterns(*texts: str) -> list[re.Pattern]:
    return [re.compile(re.escape(text.strip()), re.IGNORECASE) for text in texts if text and text.strip()]


def _audit_entries(specific):
    models_ = [type(specific), *specific._meta.get_parent_list()]
    content_types = ContentType.objects.get_for_models(*models_, for_concrete_models=False).values()
    return ModelLogEntry.objects.filter(content_type__in=content_types, object_id=str(specific.pk))


def _redact_audit(specific, patterns) -> None:
    for entry in _audit_entries(specific):
        data = dict(entry.data or {})
        for key in ("note", "message"):
            if data.get(key):
                data[key] = ""
        entry.data = _scrub(data, patterns)
        entry.save(update_fields=["data"])


def _redact_notifications(rows, *, email: str, placeholder: str, patterns) -> int:
    count = 0
    for notification in rows:
        if notification.to_applicant or notification.recipient_email.lower() == email.lower():
            notification.recipient_email = placeholder
        context = {key: notification.context[key] for key in KEPT_CONTEXT_KEYS if key in notification.context}
        notification.context = _scrub({**context, "applicant_name": ERASED_NAME}, patterns)
        notification.last_error = ""
        notification.save(update_fields=["recipient_email", "context", "last_error"])
        count += 1
    return count


def _delete_files(records) -> int:
    count = 0
    for record in records:
        record.file.delete(save=False)
        record.delete()
        count += 1
    return count


def _anonymous_values(specific, placeholder: str) -> dict:
    model = type(specific)
    values = {name: _blank_value(model._meta.get_field(name)) for name in model.personal_fields}
    values.update(
        applicant_name=ERASED_NAME,
        applicant_email=placeholder,
        answers={key: {**answer, "value": None} for key, answer in (specific.answers or {}).items()},
        fingerprint="",
        status_token_hash=token_hash(secrets.token_urlsafe(32)),  # the status link stops working
    )
    return values


@transaction.atomic
def submission_anonymise(*, submission, reason: str, actor=None, placeholder: str = "") -> Erasure:
    """Remove everything that names the applicant from one submission and its records (see the module doc).

    ``reason`` ("request" or "retention") is recorded in the audit entry. Dates are kept as they were.
    """
    specific = as_specific(submission)
    placeholder = placeholder or erased_address()
    patterns = _identity_patterns(specific.applicant_email, specific.applicant_name)
    lookup = {"content_type": ContentType.objects.get_for_model(specific), "object_id": specific.pk}
    erasure = Erasure(submissions=[specific.reference or str(specific.pk)])
    erasure.files = _delete_files(SubmittedFile.objects.filter(**lookup))
    mails = Notification.objects.filter(**lookup)
    erasure.notifications = _redact_notifications(
        mails, email=specific.applicant_email, placeholder=placeholder, patterns=patterns
    )
    TransitionLog.objects.filter(**lookup).update(note="", message="")
    InternalNote.objects.filter(**lookup).update(text=REDACTED)
    Assessment.objects.filter(**lookup).exclude(comment="").update(comment=REDACTED)
    # A reviewer's reason for declining or their conflict may name the applicant ("I advise their company").
    Assessment.objects.filter(**lookup).exclude(decline_note="").update(decline_note=REDACTED)
    AssessmentConflict.objects.filter(**lookup).exclude(note="").update(note=REDACTED)
    _redact_audit(specific, patterns)
    type(specific)._default_manager.filter(pk=specific.pk).update(**_anonymous_values(specific, placeholder))
    log(specific, ERASED_ACTION, user=actor, title=str(specific), data={"reason": reason})
    if isinstance(specific, index.Indexed):
        index.insert_or_update_object(type(specific)._default_manager.get(pk=specific.pk))
    return erasure


@transaction.atomic
def applicant_erase(*, email: str, actor=None) -> Erasure:
    """Erase the person behind ``email`` everywhere: their submissions of every kind, the mails sent to the
    address, and what other apps hold (the hook). Returns what was done; an unknown address changes nothing."""
    email = email.strip()
    if not email or is_erased_address(email):
        return Erasure()
    submissions = submissions_for_email(email)
    erasure = Erasure()
    for hook in hooks.get_hooks(ERASE_HOOK):
        erasure.other.extend(hook(email=email, submissions=submissions) or [])
    erasure.drafts = drafts_erase(email=email)
    placeholder = erased_address()
    for submission in submissions:
        done = submission_anonymise(submission=submission, reason="request", actor=actor, placeholder=placeholder)
        erasure.submissions.extend(done.submissions)
        erasure.files += done.files
        erasure.notifications += done.notifications
    names = {submission.applicant_name for submission in submissions}
    elsewhere = Notification.objects.filter(recipient_email__iexact=email)
    erasure.notifications += _redact_notifications(
        elsewhere, email=email, placeholder=placeholder, patterns=_identity_patterns(email, *names)
    )
    return erasure
