"""Translations go the same way as pages: communications staff translate and submit, an editor approves and that
publishes the translation. Until then the live Korean page keeps showing the English words with its notice."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Locale, WorkflowState
from wagtail_localize.models import TranslationSource
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.translation_review import SUBMIT_ACTION
from home.demo.korean import korean_strings_add
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

NOTICE = ".untranslated-notice"  # "This page is not yet translated", in the visitor's language


@pytest.fixture
def korean():
    return Locale.objects.get(language_code="ko")


@pytest.fixture
def english(site_tree, korean):
    """A live English page with its Korean alias (the Korean tree is synchronised)."""
    page = StandardPageFactory(parent=site_tree.home, title="Smart water networks", slug="water")
    synchronize_tree(Locale.objects.get(language_code="en"), korean)
    return page


def translate_this_page(client, english, korean):
    """ "Translate this page" from the Korean alias, as the person signed in to ``client``."""
    url = reverse("wagtail_localize:submit_page_translation", args=(english.pk,))
    response = client.post(url, {"locales": [korean.pk]})
    assert response.status_code == 302, response.content
    return english.get_translation(korean).specific


def type_korean(english, korean):
    """Type the Korean title in the translation editor (it saves each text as typed)."""
    source = TranslationSource.objects.get(object_id=english.translation_key)
    korean_strings_add(source=source, locale=korean, words={"Smart water networks": "스마트 물 관리"})


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def submit(client, page):
    return client.post(edit_url(page), {"action": SUBMIT_ACTION})


def approve(client, page, action="approve", comment=""):
    state = page.current_workflow_state
    url = reverse("wagtailadmin_pages:workflow_action", args=(page.pk, action, state.current_task_state.pk))
    return client.post(url, {"comment": comment})


def public_main(client, page):
    soup = BeautifulSoup(client.get(page.url).content, "html.parser")
    return soup.select_one("main")


def messages_of(response, level):
    return [str(message) for message in get_messages(response.wsgi_request) if message.level_tag == level]


@pytest.fixture
def translating(client, communications, english, korean):
    """Communications staff opened "Translate this page" and typed the Korean title."""
    client.force_login(communications)
    korean_page = translate_this_page(client, english, korean)
    type_korean(english, korean)
    return korean_page


def test_opening_the_translation_keeps_the_notice_and_the_english_marker(client, translating):
    korean_page = translating
    client.logout()

    main = public_main(client, korean_page)

    assert korean_page.live and korean_page.alias_of_id is None
    assert main["lang"] == "en"
    assert main.select_one(NOTICE) is not None
    assert "Smart water networks" in main.get_text()


def test_communications_see_submit_for_review_in_the_translation_editor(client, translating):
    page = client.get(edit_url(translating)).content.decode()

    assert f'value="{SUBMIT_ACTION}"' in page
    assert "Submit for review" in page


def test_editors_publish_from_the_translation_editor_and_see_no_submit_button(client, editor, translating):
    client.force_login(editor)

    assert f'value="{SUBMIT_ACTION}"' not in client.get(edit_url(translating)).content.decode()


def test_communications_cannot_publish_a_translation(client, translating, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(translating), {"action": "publish"})

    translating.refresh_from_db()
    assert translating.title == "Smart water networks"


def test_submitting_puts_the_translation_in_review_and_leaves_the_live_page_alone(client, translating):
    response = submit(client, translating)

    assert response.status_code == 302 and response.url == edit_url(translating)
    assert messages_of(response, "success")
    translating.refresh_from_db()
    assert translating.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert translating.get_latest_revision().as_object().title == "스마트 물 관리"
    assert translating.title == "Smart water networks"  # what visitors see
    client.logout()
    main = public_main(client, translating)
    assert main["lang"] == "en" and main.select_one(NOTICE) is not None


def test_the_translation_editor_says_it_awaits_review(client, translating):
    submit(client, translating)

    page = " ".join(client.get(edit_url(translating)).content.decode().split())

    assert "Submitted for review" in page
    assert f'value="{SUBMIT_ACTION}"' not in page


def test_a_translation_in_review_is_not_submitted_twice(client, translating):
    submit(client, translating)

    response = submit(client, translating)

    assert messages_of(response, "error") == ["This translation is already awaiting review."]
    assert WorkflowState.objects.filter(object_id=str(translating.pk)).count() == 1


def test_an_editor_approves_and_the_translation_is_published(client, editor, translating):
    submit(client, translating)
    client.force_login(editor)

    approve(client, translating)

    translating.refresh_from_db()
    assert translating.live and translating.title == "스마트 물 관리"
    assert not translating.workflow_in_progress
    client.logout()
    main = public_main(client, translating)
    assert not main.has_attr("lang")
    assert main.select_one(NOTICE) is None


def test_communications_cannot_approve_their_own_translation(client, translating):
    submit(client, translating)

    approve(client, translating)

    translating.refresh_from_db()
    assert translating.title == "Smart water networks"
    assert translating.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def test_changes_requested_then_resubmitted_with_the_new_words(client, editor, communications, english, korean):
    client.force_login(communications)
    korean_page = translate_this_page(client, english, korean)
    submit(client, korean_page)
    client.force_login(editor)
    approve(client, korean_page, action="reject", comment="Use the glossary's word.")
    client.force_login(communications)
    assert "Use the glossary" in client.get(edit_url(korean_page)).content.decode()
    type_korean(english, korean)

    submit(client, korean_page)

    korean_page.refresh_from_db()
    assert korean_page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert korean_page.get_latest_revision().as_object().title == "스마트 물 관리"


@pytest.mark.parametrize("role", ["reviewer", "coordinator"])
def test_roles_that_do_not_edit_pages_cannot_submit_a_translation(client, request, translating, role):
    client.force_login(request.getfixturevalue(role))

    submit(client, translating)

    translating.refresh_from_db()
    assert not translating.workflow_in_progress


def test_anonymous_visitors_cannot_submit_a_translation(client, translating):
    client.logout()

    response = submit(client, translating)

    assert response.status_code == 302 and reverse("wagtailadmin_login") in response.url
    assert not translating.workflow_in_progress
