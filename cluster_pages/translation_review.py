"""Translations through review: someone who may edit but not publish (communications staff) submits a translation
to the page's (or snippet's) Wagtail workflow, and an editor approves it there, which publishes it.

wagtail-localize's translation editor saves each text as it is typed and offers only "Publish in <language>"; its
drafts are written into the page's own row, which for a live page is what visitors see. So a submission builds
the translation in memory from the texts typed so far and keeps it as a revision only: the live page (still the
English words, with the "not yet translated" notice) is untouched until the workflow's approval publishes it.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page, PageLogEntry, WorkflowMixin, WorkflowState
from wagtail.snippets.permissions import get_permission_name
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments

from .clusters_once import active_content_language, default_content_language

SUBMIT_ACTION = "submit-translation-for-review"


class TranslationNotSubmitted(Exception):
    """A translation could not be submitted for review; the message says why, for the person submitting."""


def enabled_translation_of(instance) -> Translation | None:
    """The synced wagtail-localize translation whose target is ``instance``, or None."""
    return (
        Translation.objects.filter(
            source__object_id=instance.translation_key, target_locale_id=instance.locale_id, enabled=True
        )
        .select_related("source", "source__locale", "target_locale")
        .first()
    )


def may_publish(user, instance) -> bool:
    """Whether ``user`` may publish ``instance`` (a page, or a snippet with drafts)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return user.is_superuser or user.has_perm(get_permission_name("publish", type(instance)))


def may_submit(user, instance) -> bool:
    """Whether ``user`` may submit ``instance``'s translation for review: they may edit it but not publish it, and
    it goes through a workflow."""
    if not isinstance(instance, WorkflowMixin) or may_publish(user, instance):
        return False
    if isinstance(instance, Page):
        permissions = instance.permissions_for_user(user)
        return permissions.can_edit() and not permissions.page_locked() and instance.has_workflow
    return user.has_perm(get_permission_name("change", type(instance))) and instance.has_workflow


def translation_as_draft(*, translation: Translation, instance):
    """``instance`` (the translated page or snippet) carrying the translation's texts typed so far (the English
    words where none is typed yet), in memory: the database row is not written."""
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, instance)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, instance, source.locale, translation.target_locale, segments)
    return instance


@transaction.atomic
def translation_submit_for_review(*, instance, user) -> WorkflowState:
    """Keep ``instance``'s translation as a new revision and put it in its workflow (start it, or resume it after
    changes were requested). The live version is not touched."""
    model = Page if isinstance(instance, Page) else type(instance)
    model.objects.select_for_update().filter(pk=instance.pk).first()  # one submission at a time
    instance = type(instance).objects.get(pk=instance.pk)
    state = instance.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS:
        raise TranslationNotSubmitted(_("This translation is already awaiting review."))
    if not may_submit(user, instance):
        raise TranslationNotSubmitted(_("You cannot submit this translation for review."))
    translation = enabled_translation_of(instance)
    if translation is None:
        raise TranslationNotSubmitted(_("This is not a translation made in the translation editor."))
    draft = translation_as_draft(translation=translation, instance=instance)
    try:
        draft.save_revision(user=user, log_action=True)
    except ValidationError as error:
        raise TranslationNotSubmitted(
            _("The translation was not submitted: %(errors)s") % {"errors": " ".join(error.messages)}
        ) from error
    if state is not None:  # changes were requested: the same workflow goes on with the new revision
        state.resume(user=user)
        return state
    return draft.get_workflow().start(draft, user)


def shows_source_language(page: Page) -> bool:
    """Whether the live ``page`` is a translation that still shows its original's words: wagtail-localize made it
    a page of its own ("Translate this page") but no translation of it has been published since (one query, none
    for a page in the default language).

    A page is rendered in its own language (Wagtail activates it to serve the page), so the active language tells
    a default-language page without loading its locale row."""
    if page.alias_of_id is not None:
        return False
    language = page.locale.language_code if "locale" in page._state.fields_cache else active_content_language()
    if language in (None, default_content_language()):
        return False
    latest = (
        PageLogEntry.objects.filter(page_id=page.pk, action__in=("wagtail.convert_alias", "wagtail.publish"))
        .order_by("-timestamp", "-pk")
        .values_list("action", flat=True)
        .first()
    )
    return latest == "wagtail.convert_alias"
