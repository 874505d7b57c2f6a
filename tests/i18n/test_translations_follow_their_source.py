"""A translation follows its English original: it cannot be published before it (in Wagtail's editor or in
wagtail-localize's translation editor, keeping what was written), it is unpublished and deleted with it (the
confirmations say so), and no language switcher or ``hreflang`` leads to a version that is not live."""

from datetime import timedelta

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import GroupApprovalTask, Locale, Page, Workflow, WorkflowTask
from wagtail.test.utils.form_data import nested_form_data, rich_text
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.synctree import synchronize_tree

from home.demo.korean import korean_translations_ensure
from home.demo.report import LoadReport
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean():
    return Locale.objects.get(language_code="ko")


def translate(english, korean, django_capture_on_commit_callbacks, *, publish):
    """Translate ``english`` into Korean with wagtail-localize, as "Translate this page" does."""
    source, _created = TranslationSource.get_or_create_from_instance(english)
    translation = Translation.objects.create(source=source, target_locale=korean)
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=publish)
    return english.get_translation(korean).specific


@pytest.fixture
def draft_original(site_tree, korean, django_capture_on_commit_callbacks):
    """An English page never published, and its Korean translation (a draft too)."""
    english = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water", live=False)
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    return english, translate(english, korean, django_capture_on_commit_callbacks, publish=False)


@pytest.fixture
def published(site_tree, korean, django_capture_on_commit_callbacks):
    """An English page and its Korean translation, both live."""
    english = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water")
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    return english, translate(english, korean, django_capture_on_commit_callbacks, publish=True)


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def error_messages(response):
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == "error"]


def test_the_translation_editor_does_not_publish_a_translation_of_a_draft(
    admin_client, draft_original, django_capture_on_commit_callbacks
):
    english, korean_page = draft_original

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(korean_page), {"action": "publish"})

    assert response.status_code == 302 and response.url == edit_url(korean_page)
    korean_page.refresh_from_db()
    assert not korean_page.live
    [message] = error_messages(response)
    assert "“Smart water networks”" in message and "Publish the original first" in message


def test_wagtails_editor_keeps_the_changes_as_a_draft_and_does_not_publish(admin_client, draft_original):
    english, korean_page = draft_original
    Translation.objects.update(enabled=False)  # "Stop synced translation": the page is edited in Wagtail's editor
    form = nested_form_data(
        {"title": "스마트 물 관리", "slug": "water", "intro": rich_text("<p>소개</p>"), "body-count": "0"}
    )

    response = admin_client.post(edit_url(korean_page), {**form, "action-publish": "action-publish"})

    korean_page.refresh_from_db()
    assert not korean_page.live
    assert korean_page.get_latest_revision().as_object().title == "스마트 물 관리"
    assert error_messages(response)


def test_a_translation_publishes_once_its_original_is_live(
    admin_client, draft_original, django_capture_on_commit_callbacks
):
    english, korean_page = draft_original
    english.save_revision().publish()

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(edit_url(korean_page), {"action": "publish"})

    korean_page.refresh_from_db()
    assert korean_page.live
    assert not error_messages(response)


def test_bulk_publish_in_the_page_explorer_does_not_publish_a_translation_of_a_draft(admin_client, draft_original):
    english, korean_page = draft_original

    response = admin_client.post(bulk_action_url("publish", korean_page))

    korean_page.refresh_from_db()
    assert not korean_page.live
    assert response.status_code == 302  # Wagtail's answer to a refused action: back to the dashboard, saying so


def test_approving_a_translation_in_a_workflow_does_not_publish_it_before_its_original(
    admin_client, admin_user, draft_original
):
    english, korean_page = draft_original
    task = GroupApprovalTask.objects.create(name="Review")
    workflow = Workflow.objects.create(name="Review")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    korean_page.save_revision(user=admin_user)
    task_state = workflow.start(korean_page, admin_user).current_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(korean_page.pk, "approve", task_state.pk))

    response = admin_client.post(url, {"comment": ""})

    korean_page.refresh_from_db()
    assert not korean_page.live
    assert response.status_code == 302  # Wagtail's answer to a refused action: back to the dashboard, saying so


def test_sync_translated_pages_with_publish_immediately_does_not_publish_a_translation_of_a_draft(
    draft_original, django_capture_on_commit_callbacks
):
    english, korean_page = draft_original
    translation = Translation.objects.get(target_locale=korean_page.locale)

    with pytest.raises(ValidationError), django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)  # the view skips a ValidationError and syncs the next translation

    korean_page.refresh_from_db()
    assert not korean_page.live


def test_a_translation_scheduled_to_go_live_waits_for_its_original(draft_original):
    english, korean_page = draft_original
    korean_page.go_live_at = timezone.now() + timedelta(hours=1)
    revision = korean_page.save_revision()
    revision.publish()  # scheduling is not publishing: allowed
    past = timezone.now() - timedelta(minutes=1)  # the hour has passed
    revision.refresh_from_db()
    revision.content["go_live_at"] = past.isoformat()
    revision.approved_go_live_at = past
    revision.save(update_fields=["content", "approved_go_live_at"])

    call_command("publish_scheduled")
    korean_page.refresh_from_db()
    assert not korean_page.live

    english.save_revision().publish()
    call_command("publish_scheduled")
    korean_page.refresh_from_db()
    assert korean_page.live


def test_unpublishing_the_original_unpublishes_its_translation_and_says_so(admin_client, published):
    english, korean_page = published
    url = reverse("wagtailadmin_pages:unpublish", args=(english.pk,))

    assert "This will also unpublish one translation of the page." in admin_client.get(url).content.decode()
    admin_client.post(url)

    korean_page.refresh_from_db()
    assert not korean_page.live


def bulk_action_url(action, page):
    return reverse("wagtail_bulk_action", args=("wagtailcore", "page", action)) + f"?id={page.pk}"


def test_bulk_unpublishing_the_original_in_the_page_explorer_unpublishes_its_translation(admin_client, published):
    english, korean_page = published

    admin_client.post(bulk_action_url("unpublish", english))

    english.refresh_from_db()
    korean_page.refresh_from_db()
    assert not english.live and not korean_page.live


def test_the_original_expiring_unpublishes_its_translation(published):
    english, korean_page = published
    Page.objects.filter(pk=english.pk).update(expire_at=timezone.now() - timedelta(minutes=1))

    call_command("publish_scheduled")

    english.refresh_from_db()
    korean_page.refresh_from_db()
    assert english.expired and not korean_page.live


def test_unpublishing_a_translation_leaves_the_original_live(admin_client, published):
    english, korean_page = published

    admin_client.post(reverse("wagtailadmin_pages:unpublish", args=(korean_page.pk,)))

    english.refresh_from_db()
    assert english.live


def test_deleting_the_original_deletes_its_translation_and_says_so(admin_client, published):
    english, korean_page = published
    url = reverse("wagtailadmin_pages:delete", args=(english.pk,))

    assert "also delete 1 translation" in " ".join(admin_client.get(url).content.decode().split())
    admin_client.post(url)

    assert not Page.objects.filter(translation_key=english.translation_key).exists()


def test_deleting_a_draft_original_deletes_its_korean_alias(admin_client, site_tree, korean):
    english = StandardPageFactory(parent=site_tree.home, title="Unused", slug="unused", live=False)
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    assert english.get_translation_or_none(korean) is not None

    admin_client.post(reverse("wagtailadmin_pages:delete", args=(english.pk,)))

    assert not Page.objects.filter(translation_key=english.translation_key).exists()


def test_no_switcher_or_hreflang_leads_to_an_original_that_is_not_live(client, published):
    english, korean_page = published
    Page.objects.filter(pk=english.pk).update(live=False)  # as a translation published before this rule

    soup = BeautifulSoup(client.get(korean_page.url).content, "html.parser")

    switcher = {link["hreflang"]: link["href"] for link in soup.select(".language-switcher a")}
    assert switcher["en"] == "/en/" and switcher["ko"] == korean_page.url
    assert [link["hreflang"] for link in soup.select("link[rel=alternate][hreflang]")] == ["ko"]


def test_the_demo_loader_leaves_the_korean_translation_of_an_english_draft_unpublished(
    site_tree, korean, django_capture_on_commit_callbacks
):
    english = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water", live=False)
    synchronize_tree(Locale.objects.get(language_code="en"), korean)

    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        korean_translations_ensure(report=LoadReport())

    assert site_tree.home.get_translation(korean).live
    assert not english.get_translation(korean).live


def test_the_demo_loader_unpublishes_a_korean_translation_a_former_load_published_before_its_original(
    site_tree, korean, django_capture_on_commit_callbacks
):
    english = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water")
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    with django_capture_on_commit_callbacks(execute=True):
        korean_translations_ensure(report=LoadReport())
    Page.objects.filter(pk=english.pk).update(live=False)  # the English page a draft, its translation live

    with django_capture_on_commit_callbacks(execute=True):
        korean_translations_ensure(report=LoadReport())

    assert not english.get_translation(korean).live
