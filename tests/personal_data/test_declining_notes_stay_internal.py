"""A reviewer's note on declining a request and a declared conflict are about the staff member, not the
applicant: they are not in the applicant's copy of their data (art. 15(4): another person's data), but they may
name the applicant ("I advise their company"), so erasing the applicant empties them."""

import json

import pytest
from django.core.management import call_command

from workflows.models import Assessment, AssessmentConflict
from workflows.services.assessment_requests import assessment_decline
from workflows.services.assessments import current_round

from .conftest import EMAIL, NAME

pytestmark = pytest.mark.django_db
NOTE = f"I advise {NAME}'s city on this project"


@pytest.fixture
def declined(person, reviewer, coordinator):
    # The person's application awaits their changes (no assessment can be asked now): as if asked before.
    application = person.application
    Assessment.objects.create(
        submission=application, reviewer=reviewer, requested_by=coordinator, round=current_round(application), state="x"
    )
    return assessment_decline(submission=person.application, user=reviewer, reason="conflict_of_interest", note=NOTE)


def test_the_notes_are_not_in_the_applicants_copy(tmp_path, person, declined):
    path = tmp_path / "data.json"
    call_command("export_applicant_data", EMAIL, output=str(path), verbosity=0)
    text = path.read_text()
    assert NOTE not in text and "conflict" not in text.lower()
    (city,) = [s for s in json.loads(text)["submissions"] if s["reference"] == person.application.reference]
    assert city["assessments"] == []


def test_erasure_empties_the_notes_and_keeps_the_declaration(person, declined):
    call_command("erase_applicant", EMAIL, "--yes", verbosity=0)
    request = Assessment.objects.get()
    conflict = AssessmentConflict.objects.get()
    assert request.decline_note == "[erased]" and request.decline_reason == "conflict_of_interest"
    assert conflict.note == "[erased]" and conflict.user == declined.reviewer
