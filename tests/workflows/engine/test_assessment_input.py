"""A bad assessment is refused with a message per answer, and nothing is saved."""

import pytest
from django.contrib.contenttypes.models import ContentType

from workflows.exceptions import MissingTransitionInput
from workflows.models import Application, ApplicationState, Assessment, AssessmentCriterion, AssessmentScore
from workflows.services.assessments import assessment_give, assessments_request

S = ApplicationState


@pytest.fixture
def asked(make_application, coordinator, reviewer):
    kind = ContentType.objects.get_for_model(Application)
    criteria = [
        AssessmentCriterion.objects.create(kind=kind, name="Relevance", sort_order=1),
        AssessmentCriterion.objects.create(kind=kind, name="Maturity", sort_order=2),
    ]
    applied = make_application(S.SUBMITTED)
    assessments_request(submission=applied.application, reviewers=[reviewer], user=coordinator)
    return applied, criteria


@pytest.mark.parametrize(
    ("scores", "recommendation", "field"),
    [
        ({0: 4}, "accept", "score_1"),  # a criterion left out
        ({0: 4, 1: 6}, "accept", "score_1"),  # out of 1–5
        ({0: 4, 1: 0}, "accept", "score_1"),
        ({0: 4, 1: "4.5"}, "accept", "score_1"),
        ({0: 4, 1: 4}, "maybe", "recommendation"),
        ({0: 4, 1: 4, 99: 3}, "accept", "scores"),  # not a criterion of the kind
    ],
)
def test_each_bad_answer_is_named_and_nothing_is_saved(asked, reviewer, scores, recommendation, field):
    applied, criteria = asked
    by_id = {(criteria[key].pk if key < len(criteria) else 10_000 + key): value for key, value in scores.items()}
    with pytest.raises(MissingTransitionInput) as refused:
        assessment_give(submission=applied.application, user=reviewer, scores=by_id, recommendation=recommendation)
    expected = f"score_{criteria[1].pk}" if field == "score_1" else field
    assert expected in refused.value.field_errors
    assert not AssessmentScore.objects.exists()
    assert Assessment.objects.get().given_at is None


def test_a_comment_with_a_nul_character_is_refused(asked, reviewer):
    applied, criteria = asked
    with pytest.raises(MissingTransitionInput) as refused:
        assessment_give(
            submission=applied.application,
            user=reviewer,
            scores={criterion.pk: 3 for criterion in criteria},
            recommendation="accept",
            comment="bad\x00text",
        )
    assert "comment" in refused.value.field_errors
