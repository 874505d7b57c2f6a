"""The footer (on every page) changes like a page: communications staff save a draft, preview it and submit it; an
editor approves and that publishes it. Until then visitors see the published footer."""

import pytest
from django.urls import reverse
from wagtail.models import Workflow, WorkflowState

from cluster_pages.models import Footer, SiteSettings

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
    data = {"text": text, "links-count": "0"}
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

    client.post(preview, {"text": NEW_TEXT, "links-count": "0"})
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

    client.post(url("add"), {"text": "Draft footer", "links-count": "0"})

    assert not Footer.objects.get(text="Draft footer").live
