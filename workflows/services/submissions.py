"""Creating submissions from the public forms, and the applicant's own changes through the status link."""

import datetime
import decimal
from dataclasses import dataclass
from pathlib import PurePath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone, translation

from ..abuse import DUPLICATE_WINDOW, HONEYPOT_FIELD_NAME, submission_fingerprint
from ..forms.fields import Upload
from ..models import SubmittedFile
from ..references import reference_for, submission_reference
from ..registry import as_specific
from ..selectors.records import records_filter
from ..tokens import token_generate, token_hash
from .notifications import submission_record
from .transitions import perform_transition


@dataclass(frozen=True)
class SubmissionResult:
    """What a POST of a workflow form produced."""

    submission: object
    #: The status token, known only now (only its hash is stored); None for a repeated submission.
    token: str | None
    #: False when this was a double submission and ``submission`` is the first one.
    created: bool


def answer_value(value):
    """An answer as JSON: dates as ISO text, decimals as text, several choices as a list."""
    if isinstance(value, datetime.date | datetime.datetime | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [answer_value(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def extra_answers(*, form_page, cleaned_data: dict) -> dict:
    """The editor-added questions' answers, keyed by clean name, each with the label it had when answered."""
    return {
        name: {"label": str(label), "value": answer_value(cleaned_data[name])}
        for name, label in form_page.extra_questions().items()
        if name in cleaned_data
    }


def core_values(*, model, cleaned_data: dict) -> tuple[dict, dict]:
    """(plain field values, many-to-many values) of the kind's core fields from a valid form."""
    plain, many = {}, {}
    for name in model.core_fields:
        if name not in cleaned_data:
            continue
        field = model._meta.get_field(name)
        (many if field.many_to_many else plain)[name] = cleaned_data[name]
    return plain, many


def _root_pk_set(submission, value: int) -> None:
    """Give a multi-table kind's parent rows the reserved id too (the child's pk is the link to them)."""
    for parent in submission._meta.get_parent_list():
        setattr(submission, parent._meta.pk.attname, value)


def files_store(*, submission, uploads: list[Upload], stored: list[str]) -> list[SubmittedFile]:
    """Keep each upload in private storage with a SubmittedFile row on the specific kind.

    ``stored`` collects the storage names written, so a caller can delete them if the transaction fails.
    """
    content_type = ContentType.objects.get_for_model(as_specific(submission))
    records = []
    for upload in uploads:
        record = SubmittedFile(
            content_type=content_type,
            object_id=submission.pk,
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
        records.append(record)
    return records


def files_replace(*, submission, field_names: set[str]) -> int:
    """Mark the current files of these questions replaced (a new upload answers them); returns how many."""
    if not field_names:
        return 0
    return (
        SubmittedFile.objects.current()
        .filter(**records_filter(submission), field_name__in=field_names)
        .update(replaced_at=timezone.now())
    )


def _delete_stored(names: list[str]) -> None:
    storage = SubmittedFile._meta.get_field("file").storage
    for name in names:
        storage.delete(name)


def _root_model(model):
    """The concrete model whose table holds the id (the first parent of a multi-table kind)."""
    parents = model._meta.get_parent_list()
    return parents[-1] if parents else model


def _lock_and_reserve_id(*, model, fingerprint: str) -> int | None:
    """Serialise identical submissions until the transaction ends, and reserve the new row's id: one statement.

    On PostgreSQL a transaction-level advisory lock keyed by the fingerprint (which includes the form), so two
    identical POSTs cannot both pass the duplicate check while different applicants never wait for each other;
    the same statement takes the next id from the table's sequence, so the reference (which contains the id) is
    written by the INSERT instead of an UPDATE after it. A duplicate leaves a gap in the ids, as a rolled-back
    insert does. Elsewhere None: SQLite lets one writer at a time through and the id comes with the duplicate
    check (``_first_or_next_id``).
    """
    if connection.vendor != "postgresql":
        return None
    root = _root_model(model)
    # The fingerprint is a SHA-256 in hex: its first 15 digits fit a signed 64-bit key.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pg_advisory_xact_lock(%s), nextval(pg_get_serial_sequence(%s, %s))",
            [int(fingerprint[:15], 16), connection.ops.quote_name(root._meta.db_table), root._meta.pk.column],
        )
        return cursor.fetchone()[1]


def _first_or_next_id(*, model, duplicates) -> tuple[object | None, int | None]:
    """(the first identical submission or None, the id the new row will get where it is known now).

    On SQLite (writers serialised, ids from ``sqlite_sequence`` since Django's auto fields are AUTOINCREMENT)
    one query answers both; elsewhere only the first question.
    """
    if connection.vendor != "sqlite":
        return duplicates.first(), None
    root = _root_model(model)
    first_sql, params = duplicates.values("pk")[:1].query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({first_sql}), COALESCE((SELECT seq FROM sqlite_sequence WHERE name = %s), 0) + 1",  # noqa: S608
            [*params, root._meta.db_table],
        )
        first_pk, next_id = cursor.fetchone()
    return (duplicates.get(pk=first_pk) if first_pk is not None else None), next_id


def active_language() -> str:
    """The active language as one of ``LANGUAGES``' codes (the site's default when none fits)."""
    try:
        return translation.get_supported_language_variant(translation.get_language() or settings.LANGUAGE_CODE)
    except LookupError:
        return settings.LANGUAGE_CODE


def _insert(submission, *, reserved_id: int | None) -> None:
    """Save a new submission; with its reference in the INSERT where its id is known before (``reserved_id``)."""
    if reserved_id is None:
        submission.save()
        return
    # The id is given, so the INSERT is forced (no UPDATE tried).
    submission.pk = reserved_id
    _root_pk_set(submission, reserved_id)
    submission.reference = reference_for(submission, number=reserved_id, year=timezone.now().year)
    submission.save(force_insert=(_root_model(type(submission)),))


def submission_create(*, form_page, cleaned_data: dict, files: list[Upload]) -> SubmissionResult:
    """Create the page's kind of submission from a valid form, in its first state, with a new status token.

    In one transaction: the submission with its reference, the extra answers (with their labels), the files,
    and the initial log row and notifications (the engine's ``submission_record``). The same e-mail, form
    and answers within ``DUPLICATE_WINDOW`` return the first submission instead (``created=False``).
    """
    model = form_page.submission_model
    data = {name: value for name, value in cleaned_data.items() if name != HONEYPOT_FIELD_NAME}
    fingerprint = submission_fingerprint(form_page_id=form_page.pk, email=data["applicant_email"], data=data)
    stored: list[str] = []
    try:
        with transaction.atomic():
            reserved_id = _lock_and_reserve_id(model=model, fingerprint=fingerprint)
            duplicates = model._default_manager.filter(
                form_page=form_page,
                fingerprint=fingerprint,
                submitted_at__gte=timezone.now() - DUPLICATE_WINDOW,
            ).order_by("submitted_at", "pk")
            first, next_id = _first_or_next_id(model=model, duplicates=duplicates)
            if first is not None:
                return SubmissionResult(submission=as_specific(first), token=None, created=False)
            reserved_id = reserved_id or next_id

            token = token_generate()
            plain, many = core_values(model=model, cleaned_data=data)
            submission = model(
                **plain,
                language=active_language(),
                form_page=form_page,
                answers=extra_answers(form_page=form_page, cleaned_data=data),
                status_token_hash=token_hash(token),
                fingerprint=fingerprint,
            )
            _insert(submission, reserved_id=reserved_id)
            for name, values in many.items():
                getattr(submission, name).add(*values)  # a new row has none to compare with, as set() would
            if submission.reference != submission_reference(submission):
                # No id known before the INSERT (another database), or the year turned during the INSERT.
                submission.reference = submission_reference(submission)
                submission.save(update_fields=["reference"])
            files_store(submission=submission, uploads=files, stored=stored)

            # A kind may name who hears of new submissions (e.g. those who decide them); else the engine's default.
            alert_permission = getattr(model, "alert_permission", None)
            submission_record(
                submission=submission,
                token=token,
                **({"alert_permission": alert_permission} if alert_permission else {}),
            )
    except BaseException:
        _delete_stored(stored)
        raise
    return SubmissionResult(submission=submission, token=token, created=True)


#: The applicant's address: set when they submit, never changed by a resubmission (``submission_resubmit``).
ADDRESS_FIELD = "applicant_email"


def submission_resubmit(*, submission, token: str, cleaned_data: dict, files: list[Upload]):
    """The applicant's edited answers: validated by the form like a new submission, applied by ``resubmit``.

    Calls the engine's ``perform_transition`` (which locks, checks the token and the state, applies the
    answers, logs and notifies). A new file for a question replaces the current one, which is kept, marked
    replaced, for staff; questions without a new file keep theirs. Raises its TransitionError.
    """
    specific = as_specific(submission)
    data = {name: value for name, value in cleaned_data.items() if name != HONEYPOT_FIELD_NAME}
    plain, many = core_values(model=type(specific), cleaned_data=data)
    plain.pop(ADDRESS_FIELD, None)  # whoever holds the status link cannot move the application to another person
    form_page = specific.form_page.specific if specific.form_page_id else None
    answers = extra_answers(form_page=form_page, cleaned_data=data) if form_page else dict(specific.answers)
    stored: list[str] = []
    try:
        with transaction.atomic():
            application = perform_transition(
                application=specific,
                name="resubmit",
                applicant_token=token,
                answers=answers,
                fields={**plain, **many},
            )
            files_replace(submission=application, field_names={upload.field_name for upload in files})
            files_store(submission=application, uploads=files, stored=stored)
    except BaseException:
        _delete_stored(stored)
        raise
    return application
