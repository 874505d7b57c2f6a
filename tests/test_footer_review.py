"""The footer (on every page) changes like a page: communications staff save a draft, preview it and submit it; an
editor approves and that publishes it. Until then visitors see the published footer."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Workflow, WorkflowState
from wagtail_localize.models import TranslationSource

from cluster_pages.models import Footer, SiteSettings
from cluster_pages.translation_review import SUBMIT_ACTION
from home.demo.korean import korean_strings_add

from .factories import FooterFactory

pytestmark = pytest.mark.django_db

LIVE_TEXT = "WeGO Secretariat, Seoul."
NEW_TEXT = "WeGO Secretariat, Seoul, Republic of Korea."


@pytest.fixture
def footer(site_tree):
    footer = FooterFactory(text=LIVE_TEXT)
    settings = SiteSettings.for_site(site_tree.site)
    settings.footer = footer
    settings.save()
    return footer


def url(name, *args):
    return reverse(f"wagtailsnippets_cluster_pages_footer:{name}", args=args)


def edit(client, footer, action=None, text=NEW_TEXT):
    data = {"text": text, "links-count": "0", "social_links-count": "0"}
    if action:
        data[action] = action
    return client.post(url("edit", footer.pk), data)


def public_footer(client):
    client.logout()
    return client.get("/en/").content.decode()


def test_the_footer_goes_through_the_footer_review_workflow(footer):
    workflow = Workflow.objects.get(name="Footer review")

    assert footer.get_workflow() == workflow
    assert [task.name for task in workflow.tasks.all()] == ["Editors approve"]


def test_communications_save_a_draft_and_visitors_still_see_the_published_footer(client, communications, footer):
    client.force_login(communications)

    assert edit(client, footer).status_code == 302

    footer.refresh_from_db()
    assert footer.text == LIVE_TEXT and footer.has_unpublished_changes
    assert footer.get_latest_revision_as_object().text == NEW_TEXT
    page = public_footer(client)
    assert LIVE_TEXT in page and NEW_TEXT not in page


def test_communications_cannot_publish_the_footer(client, communications, footer):
    client.force_login(communications)

    edit(client, footer, "action-publish")

    footer.refresh_from_db()
    assert footer.text == LIVE_TEXT
    assert NEW_TEXT not in public_footer(client)


def test_communications_preview_their_draft(client, communications, footer):
    client.force_login(communications)
    preview = url("preview_on_edit", footer.pk)

    client.post(preview, {"text": NEW_TEXT, "links-count": "0", "social_links-count": "0"})
    page = client.get(preview).content.decode()

    assert NEW_TEXT in page and LIVE_TEXT not in page


def test_an_editor_approves_what_communications_submitted_and_it_is_published(client, communications, editor, footer):
    client.force_login(communications)
    edit(client, footer, "action-submit")
    footer.refresh_from_db()
    state = footer.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert NEW_TEXT not in public_footer(client)

    client.force_login(editor)
    client.post(url("workflow_action", footer.pk, "approve", state.current_task_state.pk), {"comment": ""})

    footer.refresh_from_db()
    assert footer.text == NEW_TEXT
    assert NEW_TEXT in public_footer(client)


def test_communications_cannot_approve_their_own_footer_change(client, communications, footer):
    client.force_login(communications)
    edit(client, footer, "action-submit")
    footer.refresh_from_db()
    state = footer.current_workflow_state

    client.post(url("workflow_action", footer.pk, "approve", state.current_task_state.pk), {"comment": ""})

    footer.refresh_from_db()
    assert footer.text == LIVE_TEXT
    assert footer.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_an_editor_publishes_the_footer_directly(client, editor, footer):
    client.force_login(editor)

    edit(client, footer, "action-publish")

    footer.refresh_from_db()
    assert footer.text == NEW_TEXT
    assert NEW_TEXT in public_footer(client)


def test_a_new_footer_is_a_draft_until_published(client, communications, site_tree):
    client.force_login(communications)

    client.post(url("add"), {"text": "Draft footer", "links-count": "0", "social_links-count": "0"})

    assert not Footer.objects.get(text="Draft footer").live


def test_communications_submit_the_footers_korean_translation_and_it_stays_english_until_approved(
    client, communications, editor, footer
):
    korean = Locale.objects.get(language_code="ko")
    client.force_login(communications)
    client.post(
        reverse("wagtail_localize:submit_snippet_translation", args=("cluster_pages", "footer", footer.pk)),
        {"locales": [korean.pk]},
    )
    korean_footer = footer.get_translation(korean)
    assert not korean_footer.live  # a draft, not published by whoever asked for the translation
    source = TranslationSource.objects.get(object_id=footer.translation_key)
    korean_strings_add(source=source, locale=korean, words={LIVE_TEXT: "WeGO 사무국, 서울."})

    client.post(url("edit", korean_footer.pk), {"action": SUBMIT_ACTION})
    korean_footer.refresh_from_db()
    assert korean_footer.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert LIVE_TEXT in client.get("/ko/").content.decode()  # the English footer until the Korean one is live

    client.force_login(editor)
    task_state = korean_footer.current_workflow_state.current_task_state
    client.post(url("workflow_action", korean_footer.pk, "approve", task_state.pk), {"comment": ""})
    korean_footer.refresh_from_db()
    assert korean_footer.live and korean_footer.text == "WeGO 사무국, 서울."
    assert "WeGO 사무국, 서울." in client.get("/ko/").content.decode()
