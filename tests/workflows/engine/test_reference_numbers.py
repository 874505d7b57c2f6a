"""A reference reads PREFIX-YEAR-ID with the id zero-padded to six digits, whether one row's is written in
Python or many rows' in one SQL update (as the demo-data command does); an id of seven digits stays whole."""

import datetime

import pytest

from workflows.models import Application
from workflows.references import reference_expression, submission_reference

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("pk", "expected"), [(42, "AP-2025-000042"), (1_234_567, "AP-2025-1234567")])
def test_the_sql_reference_of_many_rows_is_the_reference_of_one(pk, expected):
    submitted = datetime.datetime(2025, 12, 31, 12, tzinfo=datetime.UTC)
    Application.objects.create(pk=pk, applicant_name="Ana", applicant_email="ana@example.org", fingerprint=str(pk))
    Application.objects.filter(pk=pk).update(submitted_at=submitted)

    Application.objects.filter(pk=pk).update(reference=reference_expression(Application))

    application = Application.objects.get(pk=pk)
    assert application.reference == submission_reference(application) == expected
