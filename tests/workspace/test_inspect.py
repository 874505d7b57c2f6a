"""The inspect view: answers with stored labels, files, timeline, notifications, notes, and the extension hook."""

import pytest
from django.core.files.base import ContentFile
from wagtail import hooks

from tests.site_forms.support import private_media  # noqa: F401 - fixture
from workflows.models import ApplicationState, InternalNote, SubmittedFile

from .conftest import ROLES

S = ApplicationState


@pytest.fixture
def application(make_city_application, coordinator, move, clusters):
    application = make_city_application(
        answers={
            "budget": {"label": "Budget at the time", "value": "2 million EUR"},
            "tags": {"label": "Tags", "value": ["a", "b"]},
        }
    )
    application = move(application, "review", coordinator)
    return move(application, "assign", coordinator, target=clusters.mobility, note="Fits mobility.")


@pytest.fixture
def uploaded(application, request):
    request.getfixturevalue("private_media")  # uploads go to a fresh private folder
    record = SubmittedFile(
        submission=application,
        field_name="project_brief",
        field_label="Project brief",
        original_name="brief.pdf",
        content_type_detected="application/pdf",
        size=8,
    )
    record.file.save("brief.pdf", ContentFile(b"%PDF-1.4"), save=False)
    record.save()
    return record


def test_inspect_shows_answers_files_timeline_and_notifications(client, reviewer, application, uploaded, city_urls):
    client.force_login(reviewer)
    html = client.get(city_urls.inspect(application)).content.decode()
    for text in ["Budget at the time", "2 million EUR", "a, b", "Seoul", "Smart Mobility", "Fits mobility."]:
        assert text in html
    assert f"/en/applications/files/{uploaded.pk}/" in html
    assert "Application reviewed" in html and "Application assigned" in html
    assert "Pending" in html or "Sent" in html  # the notifications the engine queued


VISIBLE_ROLES = {"reviewer", "coordinator", "leader"}


@pytest.mark.parametrize("role", ROLES)
def test_inspect_history_and_file_obey_the_visibility_rule(client, users, application, uploaded, city_urls, role):
    client.force_login(users[role])
    inspect = client.get(city_urls.inspect(application))
    history = client.get(city_urls.history(application))
    download = client.get(f"/en/applications/files/{uploaded.pk}/")
    if role in VISIBLE_ROLES:
        assert (inspect.status_code, history.status_code, download.status_code) == (200, 200, 200)
    else:
        assert inspect.status_code in (302, 403, 404)
        assert history.status_code in (302, 403, 404)
        assert download.status_code in (403, 404)
    if role == "other_leader":
        assert (inspect.status_code, history.status_code, download.status_code) == (404, 404, 403)


@pytest.mark.parametrize("role, may_add", [("reviewer", True), ("coordinator", True), ("leader", True)])
def test_staff_and_the_assigned_leader_add_internal_notes(client, users, application, city_urls, role, may_add):
    client.force_login(users[role])
    assert 'name="text"' in client.get(city_urls.inspect(application)).content.decode()
    client.post(city_urls.note(application), {"text": f"Checked by {role}."})
    assert InternalNote.objects.filter(object_id=application.pk, text=f"Checked by {role}.").exists() == may_add
    assert f"Checked by {role}." in client.get(city_urls.inspect(application)).content.decode()


def test_other_leader_cannot_add_a_note(client, other_leader, application, city_urls):
    client.force_login(other_leader)
    assert client.post(city_urls.note(application), {"text": "Sneaky."}).status_code == 404
    assert not InternalNote.objects.filter(text="Sneaky.").exists()


def test_empty_note_is_refused_with_a_message(client, reviewer, application, city_urls):
    client.force_login(reviewer)
    response = client.post(city_urls.note(application), {"text": "  "}, follow=True)
    assert "The note was not added" in response.content.decode()
    assert not InternalNote.objects.filter(object_id=application.pk).exists()


def test_other_apps_add_buttons_through_the_inspect_hook(client, coordinator, application, city_urls):
    def draft_button(app, request):
        return [{"label": f"Draft a case study for {app.reference}", "url": "/admin/case-study/", "classname": "x"}]

    with hooks.register_temporarily("workflow_forms_inspect_buttons", draft_button):
        client.force_login(coordinator)
        html = client.get(city_urls.inspect(application)).content.decode()
    assert f"Draft a case study for {application.reference}" in html
    assert 'href="/admin/case-study/"' in html


def test_history_shows_the_logged_actions_with_readable_labels(client, coordinator, application, city_urls):
    client.force_login(coordinator)
    html = client.get(city_urls.history(application)).content.decode()
    assert "Application reviewed" in html
    assert "Application assigned" in html
