"""The applicant's status page: the token shows the application; withdraw and resubmit go through the service."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType

from cluster_pages.models import CityApplication
from workflows.models import TransitionLog
from workflows.services import note_add, perform_transition

from .support import city_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(client, forms):
    """(application, status URL path) of a city application just submitted through the form."""
    response = client.post("/en/join/city/", city_data(forms))
    path = re.search(r'href="http://testserver(/en/applications/status/[\w-]+/)"', response.content.decode()).group(1)
    return CityApplication.objects.get(), path


def logs_of(application):
    content_type = ContentType.objects.get_for_model(CityApplication)
    return list(TransitionLog.objects.filter(content_type=content_type, object_id=application.pk))


def test_the_status_link_shows_kind_reference_state_and_timeline(client, applied):
    application, path = applied
    response = client.get(path)

    html = response.content.decode()
    assert response.status_code == 200
    assert "City application" in html
    assert application.reference in html
    assert "Received" in html and "We have received your application and will review it soon." in html
    assert "no-store" in response.headers["Cache-Control"]
    assert response.headers["Referrer-Policy"] == "same-origin"


def test_a_wrong_or_altered_token_is_a_plain_404(client, applied):
    _application, path = applied
    token = path.rstrip("/").rsplit("/", 1)[1]

    assert client.get("/en/applications/status/not-a-real-token/").status_code == 404
    assert client.get(path.replace(token, token[:-1] + ("A" if token[-1] != "A" else "B"))).status_code == 404
    assert client.post(path.replace(token, "x" * 43) + "withdraw/", {"confirm": "on"}).status_code == 404


def test_the_timeline_shows_applicant_labels_and_messages_never_internal_notes(client, applied, reviewer):
    application, path = applied
    note_add(application=application, user=reviewer, text="INTERNAL: check their budget")
    perform_transition(
        application=application,
        name="request_changes",
        user=reviewer,
        note="INTERNAL: weak description",
        message="Please describe the project's budget.",
    )

    html = client.get(path).content.decode()
    assert "Changes needed" in html
    assert "Please describe the project&#x27;s budget." in html
    assert "INTERNAL" not in html
    assert "Edit and resubmit your application" in html


def test_the_status_page_offers_withdraw_only_while_it_is_possible(client, applied, reviewer):
    application, path = applied
    assert "Withdraw your application" in client.get(path).content.decode()

    perform_transition(application=application, name="reject", user=reviewer, note="Out of scope")
    html = client.get(path).content.decode()
    assert "Not accepted" in html
    assert "Withdraw your application" not in html
    assert "Out of scope" not in html, "the internal reason is never shown"


def test_withdrawing_asks_for_confirmation_first_and_changes_nothing_until_then(client, applied):
    application, path = applied

    confirmation = client.get(path + "withdraw/")
    assert confirmation.status_code == 200
    assert 'name="confirm"' in confirmation.content.decode()

    unconfirmed = client.post(path + "withdraw/", {})
    assert "Tick the box to confirm that you want to withdraw your application." in unconfirmed.content.decode()
    application = CityApplication.objects.get()
    assert application.state == "submitted"
    assert len(logs_of(application)) == 1


def test_withdrawing_with_confirmation_withdraws_and_logs_it_as_the_applicant(client, applied):
    application, path = applied

    response = client.post(path + "withdraw/", {"confirm": "on"}, follow=True)

    application = CityApplication.objects.get()
    assert application.state == "withdrawn"
    last = logs_of(application)[-1]
    assert (last.transition, last.by_applicant, last.actor_user) == ("withdraw", True, None)
    assert "Your application has been withdrawn." in response.content.decode()
    assert "Withdrawn" in response.content.decode()


def test_actions_are_post_only_and_csrf_protected(client, applied):
    from django.test import Client

    application, path = applied
    assert Client(enforce_csrf_checks=True).post(path + "withdraw/", {"confirm": "on"}).status_code == 403
    assert client.get(path + "withdraw/?confirm=on").status_code == 200, "a GET only shows the confirmation"
    assert client.post(path, {"confirm": "on"}).status_code == 405
    assert CityApplication.objects.get().state == "submitted"


def test_edit_is_refused_unless_changes_were_requested(client, applied):
    application, path = applied

    response = client.get(path + "edit/", follow=True)

    assert "no changes have been requested" in response.content.decode()
    assert CityApplication.objects.get().state == "submitted"


def test_edit_and_resubmit_reuses_the_form_with_the_previous_answers(client, applied, reviewer, forms):
    application, path = applied
    perform_transition(application=application, name="request_changes", user=reviewer, message="Add the budget.")

    form = client.get(path + "edit/")
    html = form.content.decode()
    assert form.status_code == 200
    assert "Add the budget." in html
    assert 'value="Mobility data platform"' in html
    assert 'value="Seoul"' in html

    response = client.post(
        path + "edit/",
        city_data(
            forms, project_description="Now with a budget of 2 million.", clusters=[str(forms.forming_cluster.pk)]
        ),
        follow=True,
    )

    application = CityApplication.objects.get()
    assert application.state == "submitted"
    assert application.project_description == "Now with a budget of 2 million."
    assert list(application.clusters.all()) == [forms.forming_cluster]
    assert [log.transition for log in logs_of(application)] == ["submit", "request_changes", "resubmit"]
    assert logs_of(application)[-1].by_applicant
    assert "your edited application has been sent for review" in response.content.decode()


def test_a_resubmission_is_validated_like_a_new_submission(client, applied, reviewer, forms):
    application, path = applied
    perform_transition(application=application, name="request_changes", user=reviewer, message="Fix it.")

    response = client.post(path + "edit/", city_data(forms, phone="x" * 300, project_description="x" * 5001))

    html = response.content.decode()
    assert "at most 5000 characters" in html
    assert "at most 64 characters" in html
    application = CityApplication.objects.get()
    assert application.state == "changes_requested"
    assert application.applicant_email == "minji@seoul.example"
