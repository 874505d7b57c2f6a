"""Drafts of workflow forms: the answers between steps, "save and continue later", sending, expiry and erasure.

A draft is the applicant's alone. Its files are ``SubmittedFile`` rows pointing at the draft, in the same
private storage as submitted files and checked the same way (``UploadField``); sending copies them to the
submission through ``submission_create`` and deletes the draft with its files.
"""

import logging
from collections.abc import Callable
from datetime import timedelta
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.files import File
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from ..abuse import HONEYPOT_FIELD_NAME
from ..forms.fields import Upload
from ..models import FormDraft, SubmittedFile
from ..tokens import token_generate, token_hash, token_matches
from .submissions import SubmissionResult, active_language

logger = logging.getLogger(__name__)

#: "Save and continue later" and the API's new drafts, per IP address and form (``WORKFLOW_FORMS_RATE_LIMIT``).
SAVE_RATE_LIMIT_GROUP = "workflow_forms:draft-save"


def draft_days() -> int:
    """Days a draft is kept after it was last touched (setting ``WORKFLOW_FORMS_DRAFT_DAYS``, default 30)."""
    return int(getattr(settings, "WORKFLOW_FORMS_DRAFT_DAYS", 30))


def draft_reminder_days() -> int:
    """Days before deletion a saved draft's owner is reminded (``WORKFLOW_FORMS_DRAFT_REMINDER_DAYS``, default 3)."""
    return int(getattr(settings, "WORKFLOW_FORMS_DRAFT_REMINDER_DAYS", 3))


# -- reads ------------------------------------------------------------------------------------------------


def draft_for_browser(*, page, key: str | None) -> FormDraft | None:
    """The draft of ``page`` this browser holds the key of (its cookie), or None."""
    if not key or len(key) > 128:
        return None
    draft = FormDraft.objects.filter(page_id=page.pk, browser_key_hash=token_hash(key)).first()
    return draft if draft is not None and token_matches(key, draft.browser_key_hash) else None


def draft_for_token(token: str) -> FormDraft | None:
    """The saved draft whose mailed link carries ``token`` (compared in constant time), or None."""
    if not token or len(token) > 128:
        return None
    draft = FormDraft.objects.filter(token_hash=token_hash(token)).first()
    return draft if draft is not None and token_matches(token, draft.token_hash) else None


def draft_files_filter(draft) -> dict:
    return {"content_type": ContentType.objects.get_for_model(FormDraft), "object_id": draft.pk}


def draft_files(*, draft) -> dict[str, SubmittedFile]:
    """The draft's current file for each upload question, by field name."""
    if draft is None or draft.pk is None:
        return {}
    return {record.field_name: record for record in SubmittedFile.objects.current().filter(**draft_files_filter(draft))}


def drafts_for_email(email: str):
    """The drafts saved with ``email`` or whose answers give it (the applicant's right of access and erasure)."""
    email = email.strip()
    if not email:
        return FormDraft.objects.none()
    return FormDraft.objects.filter(Q(email__iexact=email) | Q(data__applicant_email=[email])).order_by("created_at")


def draft_data(draft: FormDraft) -> dict:
    """A draft as plain data, for the personal-data export."""
    return {
        "form": draft.page.title,
        "created": draft.created_at.isoformat(),
        "updated": draft.updated_at.isoformat(),
        "email": draft.email,
        "answers": {name: values for name, values in draft.data.items() if name != HONEYPOT_FIELD_NAME},
        "files": [
            {"question": record.field_label, "name": record.original_name, "size": record.size}
            for record in draft_files(draft=draft).values()
        ],
    }


def open_drafts_per_form() -> list[dict]:
    """How many drafts each form has not sent yet (by its title): all staff learn of drafts, never their content."""
    rows = FormDraft.objects.values("page_id", "page__title").annotate(count=Count("pk")).order_by("page__title")
    return [{"form": row["page__title"], "count": row["count"]} for row in rows]


# -- writes -----------------------------------------------------------------------------------------------


def _delete_files(records) -> None:
    for record in records:
        record.file.storage.delete(record.file.name)
        record.delete()


def draft_update(
    *, draft: FormDraft | None, page, data: dict, step: int, uploads: list[Upload]
) -> tuple[FormDraft, str | None]:
    """Keep the answers and the step a browser reached; a new upload replaces the draft's file for its question.

    Returns the draft and, for a new one, the browser key to keep in a cookie (known only now).
    """
    key = None
    with transaction.atomic():
        if draft is None:
            key = token_generate()
            draft = FormDraft(page_id=page.pk, browser_key_hash=token_hash(key))
        draft.data = data
        draft.step = step
        draft.furthest_step = max(draft.furthest_step, step)
        draft.language = active_language()
        draft.save()
        if uploads:
            earlier = draft_files(draft=draft)
            stored = []
            try:
                for upload in uploads:
                    record = SubmittedFile(
                        **draft_files_filter(draft),
                        field_name=upload.field_name,
                        field_label=upload.label[:255],
                        original_name=PurePath(upload.file.name).name[:255],
                        content_type_detected=upload.content_type,
                        size=upload.file.size,
                    )
                    upload.file.seek(0)
                    record.file.save(upload.file.name, upload.file, save=False)
                    stored.append(record.file.name)
                    record.save()
            except BaseException:
                for name in stored:
                    SubmittedFile._meta.get_field("file").storage.delete(name)
                raise
            replaced = [earlier[upload.field_name] for upload in uploads if upload.field_name in earlier]
            transaction.on_commit(lambda: _delete_files(replaced))
    return draft, key


def draft_save_for_later(*, draft: FormDraft, email: str, resume_url) -> str:
    """Mail a private link to the draft (``resume_url(token)``); returns the token. A saved draft gets a new link
    (the earlier one stops working), so only the newest mail opens it."""
    token = token_generate()
    with transaction.atomic():
        draft.email = email
        draft.token_hash = token_hash(token)
        draft.reminded_at = None
        draft.save(update_fields=["email", "token_hash", "reminded_at", "updated_at"])
        url = resume_url(token)
        language = draft.language or settings.LANGUAGE_CODE
        # robust: a mail server that fails is logged; the draft stays saved and "save" may be asked again.
        transaction.on_commit(
            lambda: _mail(draft=draft, template="draft_link", url=url, language=language), robust=True
        )
    return token


def draft_link_token_issue(*, draft: FormDraft) -> str:
    """A new private token for the draft (the API's, instead of a mailed link); the earlier one stops working."""
    token = token_generate()
    FormDraft.objects.filter(pk=draft.pk).update(token_hash=token_hash(token))
    draft.token_hash = token_hash(token)
    return token


def draft_open(*, draft: FormDraft) -> str:
    """Give the browser that opened the mailed link the draft's key (the previous browser's key stops working)."""
    key = token_generate()
    FormDraft.objects.filter(pk=draft.pk).update(browser_key_hash=token_hash(key))
    draft.browser_key_hash = token_hash(key)
    return key


def draft_send(*, draft: FormDraft, create: Callable[[list[Upload]], SubmissionResult]) -> SubmissionResult | None:
    """Send a draft whose answers the full form validated: ``create(files the draft holds)`` makes the submission
    the usual way (``submission_create``: reference, confirmation, staff alert, duplicate guard) in the same
    transaction, then the draft goes with its files. None when the draft was sent (or deleted) meanwhile: a draft
    is sent once."""
    with transaction.atomic():
        locked = FormDraft.objects.select_for_update().filter(pk=draft.pk).first()
        if locked is None:
            return None
        records = list(SubmittedFile.objects.filter(**draft_files_filter(locked)))
        kept = [
            Upload(
                field_name=record.field_name,
                label=record.field_label,
                file=File(record.file.open("rb"), name=record.original_name),
                content_type=record.content_type_detected,
            )
            for record in records
            if record.replaced_at is None
        ]
        try:
            result = create(kept)
        finally:
            for upload in kept:
                upload.file.close()
        SubmittedFile.objects.filter(pk__in=[record.pk for record in records]).delete()
        locked.delete()
        transaction.on_commit(lambda: [record.file.storage.delete(record.file.name) for record in records])
    return result


def draft_delete(*, draft: FormDraft) -> None:
    """Delete a draft and its files."""
    with transaction.atomic():
        records = list(SubmittedFile.objects.filter(**draft_files_filter(draft)))
        SubmittedFile.objects.filter(pk__in=[record.pk for record in records]).delete()
        FormDraft.objects.filter(pk=draft.pk).delete()
        transaction.on_commit(lambda: [record.file.storage.delete(record.file.name) for record in records])


def drafts_erase(*, email: str) -> int:
    """Delete every draft of ``email`` with its files (erasure on request); returns how many."""
    drafts = list(drafts_for_email(email))
    for draft in drafts:
        draft_delete(draft=draft)
    return len(drafts)


def drafts_expire(*, now=None, resume_url=None) -> dict:
    """Remind the owners of saved drafts due for deletion within ``draft_reminder_days`` (once), and delete drafts
    untouched for ``draft_days`` with their files. Returns counts."""
    now = now or timezone.now()
    cutoff = now - timedelta(days=draft_days())
    expired = list(FormDraft.objects.filter(updated_at__lt=cutoff))
    for draft in expired:
        draft_delete(draft=draft)
    reminded = 0
    due = FormDraft.objects.filter(
        updated_at__lt=cutoff + timedelta(days=draft_reminder_days()), reminded_at__isnull=True
    ).exclude(token_hash="")
    for draft in due:
        with transaction.atomic():
            # A fresh link (the earlier one stops working): the token is known only when mailed.
            token = token_generate()
            # ``update`` leaves ``updated_at`` alone: a reminder does not postpone the deletion.
            FormDraft.objects.filter(pk=draft.pk).update(token_hash=token_hash(token), reminded_at=now)
            url = (resume_url or _site_resume_url(draft))(token)
            deletion = draft.updated_at + timedelta(days=draft_days())
            language = draft.language or settings.LANGUAGE_CODE
            transaction.on_commit(
                lambda draft=draft, url=url, deletion=deletion, language=language: _mail(
                    draft=draft, template="draft_reminder", url=url, language=language, deletion=deletion
                ),
                robust=True,
            )
        reminded += 1
    return {"deleted": len(expired), "reminded": reminded}


def _site_resume_url(draft: FormDraft):
    site = draft.page.get_site()
    root = site.root_url.rstrip("/") if site else ""

    def url(token):
        with translation.override(draft.language or settings.LANGUAGE_CODE):
            return root + reverse("workflow_forms:draft_resume", args=[token])

    return url


def _mail(*, draft: FormDraft, template: str, url: str, language: str, **extra) -> None:
    page = draft.page.specific
    context = {"page_title": page.title, "resume_url": url, "days": draft_days(), **extra}
    with translation.override(language):
        subject = " ".join(render_to_string(f"workflows/mail/{template}.subject.txt", context).split())
        body = render_to_string(f"workflows/mail/{template}.txt", context)
    sender = getattr(page, "from_address", "") or settings.DEFAULT_FROM_EMAIL
    send_mail(subject, body, sender, [draft.email])
