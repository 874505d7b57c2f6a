"""The audit trail: one log row per change (the submission included), a labelled Wagtail entry, and notes."""

import pytest
from wagtail.log_actions import registry as log_registry
from wagtail.models import ModelLogEntry

from workflows.exceptions import MissingTransitionInput, TransitionNotPermitted
from workflows.models import Application, ApplicationState, InternalNote, TransitionLog
from workflows.selectors.records import records_filter
from workflows.services import note_add, perform_transition, submission_record

S = ApplicationState


def wagtail_entries(application):
    return ModelLogEntry.objects.filter(
        content_type=records_filter(application)["content_type"], object_id=str(application.pk)
    ).order_by("timestamp", "pk")


def test_a_new_submission_gets_its_first_log_row_by_the_applicant(make_application):
    applied = make_application(S.SUBMITTED)

    submission_record(submission=applied.application, token=applied.token)

    (entry,) = TransitionLog.objects.filter(**records_filter(applied.application))
    assert (entry.transition, entry.from_state, entry.to_state) == ("submit", "", S.SUBMITTED)
    assert entry.by_applicant and entry.actor_user is None and entry.actor_label == "applicant"
    (wagtail_entry,) = wagtail_entries(applied.application)
    assert wagtail_entry.action == "workflow_forms.submit"
    assert wagtail_entry.user is None


def test_each_transition_writes_exactly_one_row_with_actor_note_and_message(make_application, coordinator, clusters):
    applied = make_application(S.SUBMITTED)
    app = applied.application

    app = perform_transition(application=app, name="review", user=coordinator)
    app = perform_transition(
        application=app, name="assign", user=coordinator, target=clusters.mobility, note="Mobility fits."
    )
    app = perform_transition(
        application=app, name="reject", user=coordinator, note="Budget unclear.", message="Please apply next year."
    )

    rows = list(
        TransitionLog.objects.filter(**records_filter(app)).values_list(
            "transition", "from_state", "to_state", "actor_user", "actor_label", "note", "message"
        )
    )
    name = coordinator.get_full_name()
    assert rows == [
        ("review", S.SUBMITTED, S.REVIEWED, coordinator.pk, name, "", ""),
        ("assign", S.REVIEWED, S.ASSIGNED, coordinator.pk, name, "Mobility fits.", ""),
        ("reject", S.ASSIGNED, S.REJECTED, coordinator.pk, name, "Budget unclear.", "Please apply next year."),
    ]


def test_the_applicants_own_transitions_are_logged_as_by_the_applicant(make_application):
    applied = make_application(S.SUBMITTED)

    perform_transition(application=applied.application, name="withdraw", applicant_token=applied.token, confirm=True)

    entry = TransitionLog.objects.get(**records_filter(applied.application))
    assert (entry.by_applicant, entry.actor_user, entry.actor_label) == (True, None, "applicant")


@pytest.mark.parametrize(
    ("name", "state", "role", "inputs", "label"),
    [
        ("review", S.SUBMITTED, "reviewer", {}, "Application reviewed"),
        (
            "request_changes",
            S.REVIEWED,
            "reviewer",
            {"message": "Add a budget."},
            "Changes requested from the applicant",
        ),
        ("resubmit", S.CHANGES_REQUESTED, "applicant", {"answers": {}}, "Application resubmitted"),
        ("assign", S.REVIEWED, "coordinator", "target", "Application assigned"),
        ("activate", S.ASSIGNED, "leader of the cluster", {}, "Application activated"),
        ("reject", S.SUBMITTED, "reviewer", {"note": "Out of scope."}, "Application rejected"),
        ("withdraw", S.ASSIGNED, "applicant", {"confirm": True}, "Application withdrawn"),
        ("end", S.ACTIVE, "coordinator", {"note": "Left the network."}, "Participation ended"),
        ("reopen", S.WITHDRAWN, "coordinator", {"note": "Applied again by phone."}, "Application reopened"),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_each_transition_writes_a_wagtail_log_entry_with_a_readable_label(
    name, state, role, inputs, label, make_application, actors, clusters
):
    applied = make_application(state)
    if inputs == "target":
        inputs = {"target": clusters.mobility}
    actor = actors[role](applied)

    perform_transition(application=applied.application, name=name, **actor, **inputs)

    (entry,) = wagtail_entries(applied.application)
    assert entry.action == f"workflow_forms.{name}"
    assert str(log_registry.get_action_label(entry.action)) == label
    assert str(entry.message) == label
    assert entry.user == actor.get("user")
    assert entry.label == applied.application.reference
    assert entry.data["from_state"] == state and entry.data["transition"] == name


def test_the_wagtail_entry_shows_the_internal_note_as_its_comment(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    perform_transition(application=applied.application, name="reject", user=reviewer, note="Duplicate of AP-7.")

    (entry,) = wagtail_entries(applied.application)
    assert entry.comment == "Duplicate of AP-7."


def test_a_refused_transition_writes_no_log(make_application, editor):
    applied = make_application(S.SUBMITTED)

    with pytest.raises(TransitionNotPermitted):
        perform_transition(application=applied.application, name="review", user=editor)

    assert not TransitionLog.objects.filter(**records_filter(applied.application)).exists()
    assert not wagtail_entries(applied.application).exists()


def test_log_rows_point_at_the_specific_kind_so_the_relation_finds_them(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    perform_transition(application=applied.application, name="review", user=reviewer)

    specific = Application.objects.get(pk=applied.application.pk).specific
    assert specific.transition_logs.count() == 1


@pytest.mark.parametrize("role", ["reviewer", "coordinator", "leader of the cluster"])
def test_staff_with_the_note_permission_and_the_clusters_leader_can_add_internal_notes(role, make_application, actors):
    applied = make_application(S.ASSIGNED)
    user = actors[role](applied)["user"]

    note = note_add(application=applied.application, user=user, text="  Called the mayor's office.  ")

    assert note.text == "Called the mayor's office." and note.author == user
    assert list(applied.application.internal_notes.all()) == [note]
    (entry,) = wagtail_entries(applied.application)
    assert entry.action == "workflow_forms.add_note" and entry.user == user


@pytest.mark.parametrize("role", ["editor", "leader of another cluster", "anonymous visitor"])
def test_others_cannot_add_internal_notes(role, make_application, actors):
    applied = make_application(S.ASSIGNED)

    with pytest.raises(TransitionNotPermitted):
        note_add(application=applied.application, user=actors[role](applied)["user"], text="Hello")

    assert not InternalNote.objects.exists()


def test_an_empty_internal_note_is_refused(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    with pytest.raises(MissingTransitionInput) as raised:
        note_add(application=applied.application, user=reviewer, text="  ")

    assert "text" in raised.value.field_errors
    assert not InternalNote.objects.exists()
