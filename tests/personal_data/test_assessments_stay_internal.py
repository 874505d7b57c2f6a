"""Assessments are internal: never on the applicant's status page, in the applicant's API or in a mail to
them. The art. 15 export holds the assessments given without the reviewers' names; erasure empties the
comments and keeps the scores."""

import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.utils import timezone

from cluster_pages.models import CityApplication
from workflows.models import Assessment, AssessmentCriterion, AssessmentScore, Notification

from .conftest import EMAIL

pytestmark = pytest.mark.django_db
COMMENT = "CONFIDENTIAL: weak budget, strong team"


@pytest.fixture
def assessed(person, reviewer, coordinator):
    """The person's city application with one assessment given (round 1, before changes were requested)."""
    kind = ContentType.objects.get_for_model(CityApplication)
    criterion = AssessmentCriterion.objects.create(kind=kind, name="Maturity", sort_order=1)
    assessment = Assessment.objects.create(
        submission=person.application,
        reviewer=reviewer,
        requested_by=coordinator,
        round=1,
        state="submitted",
        closed_at=timezone.now(),
        recommendation="changes",
        comment=COMMENT,
        given_at=timezone.now(),
        changed_at=timezone.now(),
    )
    AssessmentScore.objects.create(assessment=assessment, criterion=criterion, score=2)
    return assessment


def test_the_status_page_and_the_applicants_api_never_show_it(client, person, assessed):
    page = client.get(person.status_path).content.decode()
    token = person.status_path.rstrip("/").rsplit("/", 1)[1]
    api = client.get(f"/api/v3/applications/status/{token}/").content.decode()
    for text in (page, api):
        assert COMMENT not in text
        assert "Maturity" not in text
        assert "assessment" not in text.lower()


def test_no_mail_to_the_applicant_is_about_an_assessment(person, assessed):
    to_applicant = Notification.objects.filter(to_applicant=True)
    assert to_applicant.exists()
    assert not to_applicant.filter(template__contains="assessment").exists()
    assert all(COMMENT not in json.dumps(mail.context) for mail in to_applicant)


def test_the_data_export_has_the_assessment_given_without_the_reviewers_name(tmp_path, person, assessed, reviewer):
    path = tmp_path / "data.json"
    call_command("export_applicant_data", EMAIL, output=str(path), verbosity=0)
    text = path.read_text()
    data = json.loads(text)
    (city,) = [item for item in data["submissions"] if item["reference"] == person.application.reference]
    (exported,) = city["assessments"]
    assert exported["comment"] == COMMENT
    assert exported["scores"] == {"Maturity": 2}
    assert exported["recommendation"] == "Ask for changes"
    assert reviewer.get_full_name() not in text and reviewer.username not in text


def test_an_unanswered_request_is_not_in_the_export(tmp_path, person, assessed, coordinator):
    Assessment.objects.create(
        submission=person.application, reviewer=coordinator, requested_by=coordinator, round=2, state="submitted"
    )
    path = tmp_path / "data.json"
    call_command("export_applicant_data", EMAIL, output=str(path), verbosity=0)
    (city,) = [s for s in json.loads(path.read_text())["submissions"] if s["reference"] == person.application.reference]
    assert len(city["assessments"]) == 1


def test_erasure_empties_the_comment_and_keeps_the_scores(person, assessed):
    call_command("erase_applicant", EMAIL, "--yes", verbosity=0)
    assessed.refresh_from_db()
    assert assessed.comment == "[erased]"
    assert assessed.recommendation == "changes"
    assert list(assessed.scores.values_list("score", flat=True)) == [2]
