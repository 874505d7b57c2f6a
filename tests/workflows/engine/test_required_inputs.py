"""What each transition needs besides a permitted actor; without it nothing happens and the error says why."""

import pytest

from workflows.exceptions import MissingTransitionInput
from workflows.models import ApplicationState
from workflows.services import perform_transition

from .conftest import footprint

S = ApplicationState


def refused(applied, *, field, **kwargs):
    """Perform and expect MissingTransitionInput naming ``field``; return its message after checking nothing changed."""
    before = footprint(applied.application)
    with pytest.raises(MissingTransitionInput) as raised:
        perform_transition(application=applied.application, **kwargs)
    assert field in raised.value.field_errors, raised.value.field_errors
    assert footprint(applied.application) == before
    return str(raised.value.field_errors[field])


@pytest.mark.parametrize("message", ["", "   \n  "])
def test_requesting_changes_needs_a_message_to_the_applicant(message, make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    error = refused(applied, field="message", name="request_changes", user=reviewer, message=message)

    assert "applicant" in error


def test_rejecting_needs_an_internal_reason(make_application, reviewer):
    applied = make_application(S.REVIEWED)

    refused(applied, field="note", name="reject", user=reviewer, message="Sorry, not this year.")


def test_rejecting_without_a_message_to_the_applicant_is_fine(make_application, reviewer):
    applied = make_application(S.REVIEWED)

    perform_transition(application=applied.application, name="reject", user=reviewer, note="Duplicate of AP-7.")

    assert applied.reload().state == S.REJECTED


@pytest.mark.parametrize(("name", "state"), [("end", S.ACTIVE), ("reopen", S.REJECTED), ("reopen", S.WITHDRAWN)])
def test_ending_and_reopening_need_a_note(name, state, make_application, coordinator):
    applied = make_application(state)

    refused(applied, field="note", name=name, user=coordinator, note=" ")


def test_assigning_needs_a_target(make_application, coordinator):
    applied = make_application(S.REVIEWED)

    refused(applied, field="target", name="assign", user=coordinator)


def test_assigning_to_a_page_that_is_not_a_cluster_is_refused(make_application, coordinator, about_page):
    applied = make_application(S.REVIEWED)

    error = refused(applied, field="target", name="assign", user=coordinator, target=about_page)

    assert "About us" in error


def test_assigning_to_a_cluster_that_takes_no_members_is_refused(make_application, coordinator, archived_cluster):
    applied = make_application(S.REVIEWED)

    error = refused(applied, field="target", name="assign", user=coordinator, target=archived_cluster)

    assert "does not accept new members" in error


@pytest.mark.parametrize("target", [987654, "not-a-number"])
def test_assigning_to_a_page_that_does_not_exist_is_refused(target, make_application, coordinator):
    applied = make_application(S.REVIEWED)

    refused(applied, field="target", name="assign", user=coordinator, target=target)


def test_assigning_to_a_forming_cluster_is_allowed(make_application, coordinator, clusters):
    applied = make_application(S.REVIEWED)

    perform_transition(application=applied.application, name="assign", user=coordinator, target=clusters.water)

    assert applied.reload().assigned_to_id == clusters.water.pk


@pytest.mark.parametrize("confirm", [None, False, "yes", 1])
def test_withdrawing_needs_an_explicit_confirmation(confirm, make_application):
    applied = make_application(S.SUBMITTED)
    kwargs = {} if confirm is None else {"confirm": confirm}

    refused(applied, field="confirm", name="withdraw", applicant_token=applied.token, **kwargs)


@pytest.mark.parametrize("answers", [None, "budget: 2 million", ["2 million"]])
def test_resubmitting_needs_the_edited_answers(answers, make_application):
    applied = make_application(S.CHANGES_REQUESTED)
    kwargs = {} if answers is None else {"answers": answers}

    refused(applied, field="answers", name="resubmit", applicant_token=applied.token, **kwargs)


@pytest.mark.parametrize("field", ["state", "status_token_hash", "reference", "assigned_to", "not_a_field"])
def test_resubmitting_cannot_change_anything_but_the_applicants_own_fields(field, make_application):
    applied = make_application(S.CHANGES_REQUESTED)
    before = footprint(applied.application)

    with pytest.raises(ValueError, match=field):
        perform_transition(
            application=applied.application,
            name="resubmit",
            applicant_token=applied.token,
            answers={},
            fields={field: "x"},
        )

    assert footprint(applied.application) == before


@pytest.mark.parametrize("field", ["note", "message"])
def test_the_applicant_cannot_write_staff_notes_or_messages(field, make_application):
    applied = make_application(S.SUBMITTED)

    refused(applied, field=field, name="withdraw", applicant_token=applied.token, confirm=True, **{field: "Hello"})


@pytest.mark.parametrize("field", ["note", "message"])
def test_a_note_or_message_longer_than_ten_thousand_characters_is_refused(field, make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    inputs = {"note": "Out of scope.", field: "x" * 10_001}

    refused(applied, field=field, name="reject", user=reviewer, **inputs)


def test_all_missing_inputs_are_reported_at_once(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    with pytest.raises(MissingTransitionInput) as raised:
        perform_transition(application=applied.application, name="reject", user=reviewer, message="y" * 10_001)

    assert set(raised.value.field_errors) == {"note", "message"}


def test_notes_and_messages_are_stored_without_surrounding_whitespace(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    perform_transition(
        application=applied.application, name="reject", user=reviewer, note="  Out of scope.\n", message="\n Sorry. "
    )

    entry = applied.reload().transition_logs.get()
    assert (entry.note, entry.message) == ("Out of scope.", "Sorry.")


def test_an_argument_the_transition_does_not_take_is_a_programming_error(make_application, reviewer, clusters):
    applied = make_application(S.SUBMITTED)
    before = footprint(applied.application)

    with pytest.raises(TypeError, match="target"):
        perform_transition(application=applied.application, name="review", user=reviewer, target=clusters.mobility)

    assert footprint(applied.application) == before


def test_a_user_and_a_token_together_are_a_programming_error(make_application, reviewer):
    applied = make_application(S.SUBMITTED)

    with pytest.raises(TypeError):
        perform_transition(
            application=applied.application, name="withdraw", user=reviewer, applicant_token=applied.token
        )
