"""The editorial and reviewing groups exist on every database, with the page rights each role needs."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import GroupApprovalTask, Workflow
from wagtail.permissions import policy_registry

from cluster_pages.models import Contact, Person

from .factories import (
    CaseStudyPageFactory,
    EventPageFactory,
    FooterFactory,
    PersonFactory,
    ThematicClusterPageFactory,
)

documents = policy_registry.get_by_type(get_document_model())
images = policy_registry.get_by_type(get_image_model())

ALL_GROUPS = ["Editors", "Communications", "Reviewers", "Coordinators", "Cluster leaders"]
NON_EDITORIAL = ["reviewer", "coordinator", "cluster_leader"]


@pytest.fixture
def pages(site_tree):
    return [
        site_tree.home,
        ThematicClusterPageFactory(parent=site_tree.clusters),
        EventPageFactory(parent=site_tree.events),
        CaseStudyPageFactory(parent=site_tree.case_studies),
    ]


@pytest.mark.parametrize("name", ALL_GROUPS)
def test_the_migration_creates_each_group_with_admin_access(db, name):
    group = Group.objects.get(name=name)

    assert group.permissions.filter(content_type__app_label="wagtailadmin", codename="access_admin").exists()


@pytest.mark.parametrize("role", ["editor", "communications", "reviewer", "coordinator", "cluster_leader"])
def test_every_role_can_sign_in_to_the_admin(db, client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 200


def test_someone_in_no_group_cannot_use_the_admin(db, client, django_user_model):
    client.force_login(django_user_model.objects.create_user("nobody", password="x"))

    response = client.get(reverse("wagtailadmin_home"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("wagtailadmin_login"))


def test_editors_can_add_edit_publish_lock_and_unlock_every_page(editor, pages):
    for page in pages:
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit(), page
        assert permissions.can_publish(), page
        assert permissions.can_lock(), page
        assert permissions.can_unlock(), page
    assert pages[0].permissions_for_user(editor).can_add_subpage()


def test_communications_can_add_and_edit_pages_but_not_publish_them(communications, pages):
    for page in pages:
        permissions = page.permissions_for_user(communications)
        assert permissions.can_edit(), page
        assert not permissions.can_publish(), page
        assert not permissions.can_unpublish(), page
        assert not permissions.can_delete(), page
    assert pages[0].permissions_for_user(communications).can_add_subpage()


@pytest.mark.parametrize("role", NON_EDITORIAL)
def test_reviewing_roles_cannot_add_edit_or_publish_pages(request, pages, role):
    user = request.getfixturevalue(role)

    for page in pages:
        permissions = page.permissions_for_user(user)
        assert not permissions.can_edit(), page
        assert not permissions.can_publish(), page
        assert not permissions.can_add_subpage(), page


@pytest.mark.parametrize("role", NON_EDITORIAL)
def test_reviewing_roles_are_refused_the_page_editor(client, request, pages, role):
    client.force_login(request.getfixturevalue(role))

    response = client.get(reverse("wagtailadmin_pages:edit", args=(pages[1].pk,)))

    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_home")


def test_an_editor_opens_the_page_editor(client, editor, pages):
    client.force_login(editor)

    assert client.get(reverse("wagtailadmin_pages:edit", args=(pages[1].pk,))).status_code == 200


def test_editors_manage_people_and_communications_may_not_delete_them(editor, communications):
    assert editor.has_perms(["cluster_pages.add_person", "cluster_pages.change_person", "cluster_pages.delete_person"])
    assert communications.has_perms(["cluster_pages.add_person", "cluster_pages.change_person"])
    assert not communications.has_perm("cluster_pages.delete_person")


def test_communications_cannot_delete_a_person_in_the_admin(client, communications):
    person = Person.objects.create(name="Dr. Kim")
    client.force_login(communications)

    client.post(reverse("wagtailsnippets_cluster_pages_person:delete", args=(person.pk,)))

    assert Person.objects.filter(pk=person.pk).exists()


def test_an_editor_deletes_a_person_in_the_admin(client, editor):
    person = Person.objects.create(name="Dr. Kim")
    client.force_login(editor)

    response = client.post(reverse("wagtailsnippets_cluster_pages_person:delete", args=(person.pk,)))

    assert response.status_code == 302
    assert not Person.objects.filter(pk=person.pk).exists()


@pytest.mark.parametrize("role", ["editor", "communications"])
def test_editorial_roles_add_contacts_in_the_admin(db, client, request, role):
    client.force_login(request.getfixturevalue(role))

    response = client.post(
        reverse("wagtailsnippets_cluster_pages_contact:add"),
        {"name": "Min-ji Park", "topic": "Joining", "organisation": "", "email": "", "phone": "", "sort_order": "0"},
    )

    assert response.status_code == 302
    assert Contact.objects.filter(name="Min-ji Park").exists()


@pytest.mark.parametrize("role", NON_EDITORIAL)
def test_reviewing_roles_cannot_open_people_or_contacts(db, client, request, role):
    client.force_login(request.getfixturevalue(role))

    for url in (
        reverse("wagtailsnippets_cluster_pages_person:list"),
        reverse("wagtailsnippets_cluster_pages_contact:list"),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url == reverse("wagtailadmin_home")


@pytest.mark.parametrize("role", ["editor", "communications"])
def test_editorial_roles_may_upload_images_and_documents(db, request, role):
    user = request.getfixturevalue(role)

    assert images.user_has_permission(user, "add")
    assert documents.user_has_permission(user, "add")


def test_only_editors_change_the_site_settings_with_their_privacy_notice(db, editor, communications):
    assert editor.has_perm("cluster_pages.change_sitesettings")
    assert not communications.has_perm("cluster_pages.change_sitesettings")


def test_only_editors_publish_footers(db, editor, communications):
    assert editor.has_perm("cluster_pages.publish_footer")
    assert not communications.has_perm("cluster_pages.publish_footer")


@pytest.mark.parametrize("role", NON_EDITORIAL)
def test_reviewing_roles_may_not_upload_images_or_change_site_settings(db, request, role):
    user = request.getfixturevalue(role)

    assert not images.user_has_permission(user, "add")
    assert not user.has_perm("cluster_pages.change_sitesettings")


def test_the_case_study_review_is_one_task_approved_by_editors(db):
    workflow = Workflow.objects.get(name="Case study review")

    assert workflow.active
    [task] = [task.specific for task in workflow.tasks.all()]
    assert task.name == "Editors approve"
    assert isinstance(task, GroupApprovalTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Editors"]


def test_editors_also_approve_in_wagtails_default_moderation_task(db):
    for task in GroupApprovalTask.objects.exclude(name="Editors approve"):
        assert task.groups.filter(name="Editors").exists(), task.name


@pytest.mark.parametrize("role", ["editor", "communications"])
def test_editorial_roles_edit_the_footer_and_translate_snippets(db, client, request, role):
    """The footer was theirs to edit in the site settings; it is a snippet now, and they translate snippets too."""
    footer = FooterFactory()
    person = PersonFactory()
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("wagtailsnippets_cluster_pages_footer:list")).status_code == 200
    edit = client.post(
        reverse("wagtailsnippets_cluster_pages_footer:edit", args=[footer.pk]),
        {"text": "WeGO Secretariat, Seoul, Korea.", "links-count": "0", "social_links-count": "0"},
    )
    assert edit.status_code == 302
    footer.refresh_from_db()
    assert footer.get_latest_revision_as_object().text == "WeGO Secretariat, Seoul, Korea."  # a draft
    for snippet in (footer, person):
        translate = reverse(
            "wagtail_localize:submit_snippet_translation",
            args=["cluster_pages", type(snippet)._meta.model_name, snippet.pk],
        )
        listing = client.get(reverse(f"wagtailsnippets_cluster_pages_{type(snippet)._meta.model_name}:list"))
        assert translate in listing.content.decode()
        assert client.get(translate).status_code == 200


@pytest.mark.parametrize("role", NON_EDITORIAL)
def test_reviewing_roles_neither_edit_the_footer_nor_translate(db, client, request, role):
    footer = FooterFactory()
    client.force_login(request.getfixturevalue(role))

    assert client.get(reverse("wagtailsnippets_cluster_pages_footer:list")).status_code == 302
    translate = reverse("wagtail_localize:submit_snippet_translation", args=["cluster_pages", "footer", footer.pk])
    assert client.get(translate).status_code in (302, 403)
