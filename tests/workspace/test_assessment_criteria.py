"""Coordinators add and edit the criteria of each kind under Applications › Assessment criteria; a criterion
already scored is not deleted."""

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse

from cluster_pages.models import CityApplication
from workflows.models import ApplicationState, AssessmentCriterion

S = ApplicationState


def test_a_coordinator_adds_a_criterion_with_its_labels(client, coordinator):
    client.force_login(coordinator)
    kind = ContentType.objects.get_for_model(CityApplication)
    form = client.get(reverse("assessment_criteria:add")).content.decode()
    assert "City applications" in form and "Editors" not in form
    response = client.post(
        reverse("assessment_criteria:add"),
        {"kind": kind.pk, "name": "Impact", "help_text": "Who benefits.", "sort_order": 5, "label_5": "Outstanding"},
    )
    assert response.status_code == 302
    criterion = AssessmentCriterion.objects.get(name="Impact")
    assert criterion.score_label(5) == "Outstanding" and criterion.score_label(1) == "Poor"


def test_a_scored_criterion_is_not_deleted(client, coordinator, reviewer, make_city_application, assess, city_criteria):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    assess.give(row, reviewer, city_criteria, (3, 3, 3))
    client.force_login(coordinator)
    response = client.post(reverse("assessment_criteria:delete", args=(city_criteria[0].pk,)), follow=True)
    assert response.status_code == 200
    assert AssessmentCriterion.objects.filter(pk=city_criteria[0].pk).exists()
    assert "cannot be deleted" in response.content.decode()
