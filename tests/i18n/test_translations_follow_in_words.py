"""When a translation cannot follow its original (the original is not live), the editor is told why and nothing
changes: an approval stays in moderation, a bulk Publish publishes nothing; and the delete and unpublish
confirmations name the translations that go with the original."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import GroupApprovalTask, Locale, TaskState, Workflow, WorkflowState, WorkflowTask
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean():
    return Locale.objects.get(language_code="ko")


def translated(site_tree, korean, django_capture_on_commit_callbacks, *, live):
    english = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water", live=live)
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=korean)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=live)
    return english, english.get_translation(korean).specific


@pytest.fixture
def draft_original(site_tree, korean, django_capture_on_commit_callbacks):
    return translated(site_tree, korean, django_capture_on_commit_callbacks, live=False)


@pytest.fixture
def published(site_tree, korean, django_capture_on_commit_callbacks):
    return translated(site_tree, korean, django_capture_on_commit_callbacks, live=True)


def errors(response):
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]


@pytest.fixture
def in_review(draft_original, communications):
    """The Korean translation of an English draft, submitted to a one-step workflow editors approve."""
    english, korean_page = draft_original
    task = GroupApprovalTask.objects.get(name="Editors approve")
    workflow = Workflow.objects.create(name="Translation check")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    korean_page.save_revision(user=communications)
    workflow.start(korean_page, communications)
    return english, korean_page


def approve_url(page):
    state = page.current_workflow_state
    return reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", state.current_task_state.pk))


def test_approving_a_translation_of_a_draft_keeps_it_in_moderation_and_says_why(client, editor, in_review):
    english, korean_page = in_review
    client.force_login(editor)

    response = client.post(approve_url(korean_page), {"comment": ""})

    assert response.status_code == 302
    korean_page.refresh_from_db()
    assert not korean_page.live
    state = korean_page.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.status == TaskState.STATUS_IN_PROGRESS
    [message] = errors(response)
    assert "was not approved" in message and "“Smart water networks”" in message and "stays in moderation" in message


def test_the_dashboards_approve_modal_is_told_the_same(client, editor, in_review):
    english, korean_page = in_review
    client.force_login(editor)

    response = client.post(
        approve_url(korean_page) + "?next=/admin/", {"comment": ""}, headers={"x-requested-with": "XMLHttpRequest"}
    )

    assert response.status_code == 200 and response.json()["redirect"] == "/admin/"
    assert korean_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert errors(response)


def test_once_the_original_is_live_the_approval_publishes_the_translation(client, editor, in_review):
    english, korean_page = in_review
    english.save_revision().publish()
    client.force_login(editor)

    client.post(approve_url(korean_page), {"comment": ""})

    korean_page.refresh_from_db()
    assert korean_page.live and not korean_page.workflow_in_progress


def test_someone_who_may_not_approve_gets_no_explanation(client, communications, in_review):
    english, korean_page = in_review
    client.force_login(communications)

    response = client.post(approve_url(korean_page), {"comment": ""})

    assert not any("stays in moderation" in message for message in errors(response))
    assert korean_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_bulk_publish_names_the_translation_and_its_unpublished_original(admin_client, draft_original):
    english, korean_page = draft_original
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", "publish")) + f"?id={korean_page.pk}"

    response = admin_client.post(url)

    korean_page.refresh_from_db()
    assert not korean_page.live
    [message] = errors(response)
    assert "Nothing was published" in message and "“Smart water networks”" in message
    assert "Sorry, you do not have permission" not in message


def listed(response, heading):
    soup = BeautifulSoup(response.content, "html.parser")
    section = soup.find("h2", string=lambda text: text and heading in text)
    return [" ".join(item.get_text().split()) for item in section.find_next("ul").select("li")] if section else []


def test_the_delete_confirmation_names_each_translation(admin_client, published):
    english, korean_page = published

    response = admin_client.get(reverse("wagtailadmin_pages:delete", args=(english.pk,)))

    assert listed(response, "Translations deleted with it") == ["Smart water networks (Korean)"]


def test_the_delete_confirmation_names_a_copy_not_yet_translated(admin_client, site_tree, korean):
    english = StandardPageFactory(parent=site_tree.home, title="Open data", slug="open-data")
    synchronize_tree(Locale.objects.get(language_code="en"), korean)

    response = admin_client.get(reverse("wagtailadmin_pages:delete", args=(english.pk,)))

    assert listed(response, "Translations deleted with it") == ["Open data (Korean, not yet translated)"]


def test_the_unpublish_confirmation_names_each_live_translation(admin_client, published):
    english, korean_page = published

    response = admin_client.get(reverse("wagtailadmin_pages:unpublish", args=(english.pk,)))

    assert listed(response, "Translations unpublished with it") == ["Smart water networks (Korean)"]


def test_a_translation_names_no_translations_of_its_own(admin_client, published):
    english, korean_page = published

    response = admin_client.get(reverse("wagtailadmin_pages:delete", args=(korean_page.pk,)))

    assert listed(response, "Translations deleted with it") == []


@pytest.mark.parametrize(("action", "heading"), [("delete", "deleted with it"), ("unpublish", "unpublished with it")])
def test_the_bulk_confirmations_name_each_pages_translations(admin_client, published, action, heading):
    english, korean_page = published
    url = reverse("wagtail_bulk_action", args=("wagtailcore", "page", action)) + f"?id={english.pk}"

    response = admin_client.get(url)

    assert listed(response, f"Translations of “Smart water networks” {heading}") == ["Smart water networks (Korean)"]
