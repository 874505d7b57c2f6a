"""A submission's reference, e.g. CA-2026-000042: the kind's prefix, the year of submission and the id,
zero-padded to six digits (longer ids keep all their digits). Written in Python for one row and in SQL for many
(``reference_expression``), the same text either way."""

from django.db import models
from django.db.models.functions import Cast, Concat, ExtractYear, Greatest, Length, LPad

ID_DIGITS = 6


def reference_for(submission, *, number: int, year: int) -> str:
    """E.g. CA-2026-000042: the kind's prefix, the year of submission and the zero-padded id."""
    return f"{submission.reference_prefix}-{year}-{number:0{ID_DIGITS}d}"


def submission_reference(submission) -> str:
    """The reference of a saved submission (see ``reference_for``)."""
    return reference_for(submission, number=submission.pk, year=submission.submitted_at.year)


def reference_expression(kind) -> Concat:
    """``submission_reference`` of each row as SQL, for ``update(reference=...)`` of many rows of ``kind`` (or of
    its parent table) at once."""
    number = Cast("pk", models.CharField())
    return Concat(
        models.Value(f"{kind.reference_prefix}-"),
        Cast(ExtractYear("submitted_at"), models.CharField()),
        models.Value("-"),
        # LPad cuts a longer text to the length: an id of seven digits or more is kept whole.
        LPad(number, Greatest(Length(number), models.Value(ID_DIGITS)), models.Value("0")),
        output_field=models.CharField(),
    )
