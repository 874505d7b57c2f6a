"""The audit trail: one TransitionLog row and one Wagtail log entry per change, and internal notes."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import get_active_log_context, log
from wagtail.log_actions import registry as log_registry

from ..actors import ApplicantActor
from ..exceptions import MissingTransitionInput, TransitionNotPermitted
from ..log_actions import NOTE_ACTION, log_action_for
from ..models import InternalNote, TransitionLog
from ..registry import as_specific
from .inputs import text_input_error


def actor_label(actor) -> str:
    if isinstance(actor, ApplicantActor):
        return "applicant"
    return actor.get_full_name() or actor.get_username()


def transition_log_write(
    *, submission, transition: str, from_state: str, to_state: str, actor, note: str = "", message: str = ""
) -> TransitionLog:
    """Write the structured log row and the Wagtail audit entry for one change of state."""
    specific = as_specific(submission)
    by_applicant = isinstance(actor, ApplicantActor)
    entry = TransitionLog.objects.create(
        submission=specific,
        transition=transition,
        from_state=from_state,
        to_state=to_state,
        actor_user=None if by_applicant else actor,
        actor_label=actor_label(actor),
        by_applicant=by_applicant,
        note=note,
        message=message,
    )
    audit_entry_write(
        specific,
        log_action_for(transition),
        user=None if by_applicant else actor,
        title=str(specific),
        data={
            "transition": transition,
            "from_state": from_state,
            "to_state": to_state,
            "by_applicant": by_applicant,
            "note": note,
            "message": message,
            "transition_log_id": entry.pk,
        },
    )
    return entry


def audit_entry_write(instance, action: str, *, user, title: str, data: dict):
    """Wagtail's ``log()`` (same log model, user and uuid from the active log context, registered action) in one
    INSERT.

    ``log()`` saves through ``full_clean()``, which re-reads the content type and the user from the database to
    check the foreign keys; both come from objects just loaded (the content type from ContentType's cache), so
    the entry is validated without those two queries and inserted with ``bulk_create`` (its ``save()`` would
    validate again).
    """
    log_registry.scan_for_actions()
    log_entry_model = log_registry.get_log_model_for_instance(instance)
    if log_entry_model is None:
        return log(instance, action, user=user, title=title, data=data)
    context = get_active_log_context()
    entry = log_entry_model(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        label=title,
        action=action,
        timestamp=timezone.now(),
        data=data,
        user=user or context.user,
        uuid=context.uuid,
        object_id=str(instance.pk),
    )
    entry.full_clean(exclude=["content_type", "user"])
    return log_entry_model.objects.bulk_create([entry])[0]


def user_may_add_note(*, application, user) -> bool:
    if isinstance(user, ApplicantActor) or not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    if user.has_perm("workflow_forms.add_internal_note"):
        return True
    manages = getattr(application, "user_manages_target", None)
    return bool(manages and manages(user))


def note_add(*, application, user, text: str) -> InternalNote:
    """Add an internal note (staff only; never shown to the applicant).

    Allowed with the ``add_internal_note`` permission, or to a leader of the target the application is
    assigned to. Raises TransitionNotPermitted or MissingTransitionInput (``field_errors["text"]``).
    """
    specific = as_specific(application)
    if not user_may_add_note(application=specific, user=user):
        raise TransitionNotPermitted()
    text = (text or "").strip()
    if not text:
        raise MissingTransitionInput(field_errors={"text": _("Write the note.")})
    error = text_input_error(text)
    if error:
        raise MissingTransitionInput(field_errors={"text": error})
    with transaction.atomic():
        note = InternalNote.objects.create(submission=specific, author=user, text=text)
        log(specific, NOTE_ACTION, user=user, title=str(specific), data={"note": text, "internal_note_id": note.pk})
    return note
