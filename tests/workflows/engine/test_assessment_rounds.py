"""An assessment is given once per reviewer per round and editable until the application moves on; asking
again after a transition starts a new round and supersedes the earlier one in the listing's figures."""

import pytest
from wagtail.models import ModelLogEntry

from workflows.exceptions import TransitionNotAllowed, TransitionNotPermitted
from workflows.log_actions import ASSESSMENT_EDITED_ACTION, ASSESSMENT_GIVEN_ACTION
from workflows.models import Application, ApplicationState, AssessmentCriterion, Recommendation
from workflows.selectors.assessments import with_assessment_summary
from workflows.services import perform_transition
from workflows.services.assessments import assessment_give, assessments_request, current_round

S = ApplicationState


@pytest.fixture
def criteria(db):
    from django.contrib.contenttypes.models import ContentType

    kind = ContentType.objects.get_for_model(Application)
    return [
        AssessmentCriterion.objects.create(kind=kind, name="Relevance", sort_order=1),
        AssessmentCriterion.objects.create(kind=kind, name="Maturity", sort_order=2),
    ]


def give(applied, user, criteria, scores, recommendation=Recommendation.ACCEPT, comment=""):
    return assessment_give(
        submission=applied.application,
        user=user,
        scores=dict(zip([criterion.pk for criterion in criteria], scores, strict=True)),
        recommendation=recommendation,
        comment=comment,
    )


def summary(applied):
    return with_assessment_summary(Application.objects.filter(pk=applied.application.pk)).get()


def test_the_requested_reviewer_gives_and_then_edits_it(make_application, coordinator, reviewer, criteria):
    applied = make_application(S.SUBMITTED)
    assessments_request(submission=applied.application, reviewers=[reviewer], user=coordinator)

    first = give(applied, reviewer, criteria, [4, 2], comment="Promising.")
    again = give(applied, reviewer, criteria, [5, 3], Recommendation.CHANGES)

    assert first.pk == again.pk
    assert sorted(score.score for score in again.scores.all()) == [3, 5]
    assert again.recommendation == Recommendation.CHANGES
    row = summary(applied)
    assert row.assessment_count == 1 and row.assessment_mean == 4.0
    actions = list(ModelLogEntry.objects.filter(user=reviewer).order_by("pk").values_list("action", flat=True))
    assert actions == [ASSESSMENT_GIVEN_ACTION, ASSESSMENT_EDITED_ACTION]


def test_someone_not_asked_is_refused(make_application, coordinator, reviewer, criteria):
    applied = make_application(S.SUBMITTED)
    with pytest.raises(TransitionNotPermitted):
        give(applied, reviewer, criteria, [4, 4])
    assert summary(applied).assessment_count == 0


def test_it_cannot_change_once_the_application_moved_on(make_application, coordinator, reviewer, criteria):
    applied = make_application(S.SUBMITTED)
    assessments_request(submission=applied.application, reviewers=[reviewer], user=coordinator)
    give(applied, reviewer, criteria, [4, 4])

    perform_transition(application=applied.application, name="review", user=reviewer)

    with pytest.raises(TransitionNotAllowed):
        give(applied, reviewer, criteria, [1, 1])
    row = summary(applied)
    assert row.assessment_count == 1 and row.assessment_mean == 4.0  # the given one still counts


def test_a_new_round_after_a_transition_supersedes_the_earlier_one(make_application, coordinator, reviewer, criteria):
    applied = make_application(S.SUBMITTED)
    assessments_request(submission=applied.application, reviewers=[reviewer], user=coordinator)
    give(applied, reviewer, criteria, [2, 2])
    assert current_round(applied.application) == 1

    reviewed = perform_transition(application=applied.application, name="review", user=reviewer)
    assert current_round(reviewed) == 2
    (second,) = assessments_request(submission=reviewed, reviewers=[reviewer], user=coordinator)

    assert second.round == 2
    assert summary(applied).assessment_count == 0  # the latest round has none given yet
    give(applied, reviewer, criteria, [5, 5])
    row = summary(applied)
    assert row.assessment_count == 1 and row.assessment_mean == 5.0


def test_an_unanswered_request_closes_when_the_application_moves_on(make_application, coordinator, reviewer):
    applied = make_application(S.SUBMITTED)
    (requested,) = assessments_request(submission=applied.application, reviewers=[reviewer], user=coordinator)
    perform_transition(application=applied.application, name="review", user=coordinator)
    requested.refresh_from_db()
    assert requested.closed_at is not None and requested.given_at is None
