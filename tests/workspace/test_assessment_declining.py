"""A reviewer declines a request: not available, or a conflict of interest (with an optional note). The
coordinator who asked is mailed; a conflict is recorded for that person and application, so they are never
offered for it again and are refused its assessments with a page that says why; coordinators see the
declaration on the inspect page, and can record one on someone's behalf."""

from django.core import mail
from django.urls import reverse
from wagtail.models import ModelLogEntry

from tests.factories import UserFactory
from workflows.models import ApplicationState, Assessment, AssessmentConflict

from .conftest import assessment_request_url, assessment_url

S = ApplicationState


def decline_url(urls, row):
    return reverse(f"{urls.name}:assessment_decline", args=(row.pk,))


def conflict_url(urls, row):
    return reverse(f"{urls.name}:assessment_conflict", args=(row.pk,))


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_declining_as_unavailable_tells_the_coordinator_and_ends_the_request(
    client, make_city_application, reviewer, coordinator, assess, city_urls, django_capture_on_commit_callbacks
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)
    assert "data-decline-request" in client.get(city_urls.inspect(row)).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(decline_url(city_urls, row), {"reason": "unavailable", "note": "On leave"})
    assert response.status_code == 302
    request = Assessment.objects.get()
    assert request.declined_at is not None and request.decline_reason == "unavailable"
    assert not AssessmentConflict.objects.exists()
    (alert,) = [message for message in mail.outbox if message.to == [coordinator.email]]
    assert "declined" in alert.subject and "not available" in alert.body and "On leave" in alert.body
    assert ModelLogEntry.objects.filter(action="workflow_forms.assessment_decline").count() == 1
    # Nothing awaited any more: the form says so and refuses a late assessment.
    form = client.get(assessment_url(city_urls, row))
    assert "You declined this assessment request" in text(form)


def test_a_conflict_is_recorded_and_keeps_them_away_from_the_assessments(
    client, make_city_application, reviewer, coordinator, assess, city_urls, city_criteria
):
    row = make_city_application(S.SUBMITTED)
    other = UserFactory(username="reviewer-two", groups=["Reviewers"])
    assess.ask(row, [reviewer, other], coordinator)
    assess.give(row, other, city_criteria, [4, 4, 4], comment="Solid plan.")
    client.force_login(reviewer)
    response = client.post(
        decline_url(city_urls, row), {"reason": "conflict_of_interest", "note": "I advise their competitor."}
    )
    assert response.status_code == 302
    conflict = AssessmentConflict.objects.get()
    assert (conflict.user, conflict.declared_by, conflict.note) == (reviewer, reviewer, "I advise their competitor.")

    inspect = client.get(city_urls.inspect(row))
    assert inspect.status_code == 200
    assert "data-assessments-refused" in inspect.content.decode()
    assert "Solid plan." not in inspect.content.decode()
    refused = client.get(assessment_url(city_urls, row))
    assert refused.status_code == 403
    assert "You declared a conflict of interest with this application" in text(refused)


def test_a_reviewer_with_a_conflict_is_never_offered_again(
    client, make_city_application, reviewer, coordinator, assess, city_urls, move
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)
    client.post(decline_url(city_urls, row), {"reason": "conflict_of_interest"})
    move(row, "review", coordinator)  # a new round: they would otherwise be offered again
    client.force_login(coordinator)
    page = client.get(assessment_request_url(city_urls, row)).content.decode()
    assert reviewer.get_full_name() not in page
    response = client.post(assessment_request_url(city_urls, row), {"reviewers": [reviewer.pk]})
    assert response.status_code == 400
    assert Assessment.objects.filter(reviewer=reviewer).count() == 1


def test_coordinators_see_the_declaration_and_others_do_not(
    client, make_city_application, reviewer, coordinator, leader, assess, city_urls
):
    row = make_city_application(S.ASSIGNED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)
    client.post(decline_url(city_urls, row), {"reason": "conflict_of_interest", "note": "Former employer."})
    client.force_login(coordinator)
    html = text(client.get(city_urls.inspect(row)))
    assert "Declared conflicts of interest" in html and "Former employer." in html
    client.force_login(leader)
    html = text(client.get(city_urls.inspect(row)))
    assert "Declared conflicts of interest" not in html and "Former employer." not in html


def test_a_coordinator_records_a_conflict_on_someones_behalf_and_their_request_is_withdrawn(
    client, make_city_application, reviewer, coordinator, assess, city_urls
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(coordinator)
    form = client.get(conflict_url(city_urls, row))
    assert form.status_code == 200 and reviewer.get_full_name() in form.content.decode()
    response = client.post(conflict_url(city_urls, row), {"person": reviewer.pk, "note": "Told me by phone."})
    assert response.status_code == 302
    conflict = AssessmentConflict.objects.get()
    assert conflict.user == reviewer and conflict.declared_by == coordinator and conflict.on_behalf
    assert Assessment.objects.get().withdrawn_at is not None
    assert "recorded by" in text(client.get(city_urls.inspect(row)))
    assert ModelLogEntry.objects.filter(action="workflow_forms.conflict_declare").count() == 1


def test_declining_needs_a_reason_and_loses_nothing(
    client, make_city_application, reviewer, coordinator, assess, city_urls
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    client.force_login(reviewer)
    response = client.post(decline_url(city_urls, row), {"note": "Keep this text"})
    assert response.status_code == 400
    assert "Keep this text" in response.content.decode()
    assert Assessment.objects.get().declined_at is None


def test_a_given_assessment_can_no_longer_be_declined(
    client, make_city_application, reviewer, coordinator, assess, city_urls, city_criteria
):
    row = make_city_application(S.SUBMITTED)
    assess.ask(row, [reviewer], coordinator)
    assess.give(row, reviewer, city_criteria, [3, 3, 3])
    client.force_login(reviewer)
    response = client.get(decline_url(city_urls, row))
    assert response.status_code == 403
    assert "No open assessment request of this application is waiting for you." in text(response)
