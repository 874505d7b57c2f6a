"""People and contacts are translated like pages (wagtail-localize): a Korean visitor sees each one's Korean version,
and the English one while it has none; English visitors never see Korean."""

import pytest
import wagtail_factories
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.synctree import synchronize_tree

from cluster_pages.models import Contact, Person, StandardPage, ThematicClusterPage

from ..factories import ContactFactory, PersonFactory, StandardPageFactory, ThematicClusterPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def korean():
    return Locale.objects.get(language_code="ko")


def korean_copy(snippet, korean, **words):
    """``snippet``'s Korean translation, as a copy with some of its fields in Korean."""
    copy = snippet.copy_for_translation(korean)
    for name, value in words.items():
        setattr(copy, name, value)
    copy.save()
    return copy


def sync_korean_tree():
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))


def contact_names(client, path):
    html = client.get(path).content.decode()
    return [line.rsplit(">", 1)[1] for line in html.split("</p>") if 'class="contact-card__name"' in line]


def test_the_korean_join_page_lists_translated_contacts_in_korean_and_the_others_in_english(client, site_tree, korean):
    StandardPageFactory(parent=site_tree.home, title="How to join", slug="join", show_contacts=True)
    sync_korean_tree()
    first = ContactFactory(name="Anthony Levero", topic="WeGO Thematic Clusters", sort_order=1)
    ContactFactory(name="Alexandra Sidorova", topic="GCTC Action Clusters", sort_order=2)
    korean_copy(first, korean, name="앤서니 레베로", topic="WeGO 테마 클러스터")

    assert contact_names(client, "/ko/join/") == ["앤서니 레베로", "Alexandra Sidorova"]
    assert contact_names(client, "/en/join/") == ["Anthony Levero", "Alexandra Sidorova"]
    assert "WeGO 테마 클러스터" in client.get("/ko/join/").content.decode()


def test_a_contact_written_only_in_korean_shows_on_the_korean_page_only(client, site_tree, korean):
    StandardPageFactory(parent=site_tree.home, title="How to join", slug="join", show_contacts=True)
    sync_korean_tree()
    ContactFactory(name="Anthony Levero")
    ContactFactory(name="김서울", locale=korean)

    assert contact_names(client, "/ko/join/") == ["Anthony Levero", "김서울"]
    assert contact_names(client, "/en/join/") == ["Anthony Levero"]


def test_a_korean_cluster_page_shows_the_leaders_korean_profile_once_there_is_one(client, site_tree, korean):
    leader = PersonFactory(name="Rafael Quintero", organisation="Andes Centre for Mobility Research")
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility", slug="smart-mobility", leader=leader)
    sync_korean_tree()  # the Korean page is an alias: its leader is the English person

    before = client.get("/ko/clusters/smart-mobility/").content.decode()
    korean_copy(leader, korean, name="라파엘 킨테로", organisation="안데스 모빌리티 연구센터")
    after = client.get("/ko/clusters/smart-mobility/").content.decode()

    assert '<p class="person-card__name">Rafael Quintero</p>' in before
    assert '<p class="person-card__name">라파엘 킨테로</p>' in after and "안데스 모빌리티 연구센터" in after
    english = client.get("/en/clusters/smart-mobility/").content.decode()
    assert '<p class="person-card__name">Rafael Quintero</p>' in english


def test_a_leaders_portrait_adds_no_english_words_to_a_korean_page(client, site_tree, korean):
    """The portrait sits beside the leader's name: its alternative text is empty (the name is right there) rather
    than the image's English title, which Wagtail does not translate."""
    leader = PersonFactory(name="Rafael Quintero", photo=wagtail_factories.ImageFactory(title="Portrait of Rafael"))
    ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility", slug="smart-mobility", leader=leader)
    sync_korean_tree()
    korean_copy(leader, korean, name="라파엘 킨테로")

    html = client.get("/ko/clusters/smart-mobility/").content.decode()
    portrait = next(tag for tag in html.split("<img")[1:] if "person-card__photo" in tag)
    assert 'alt=""' in portrait
    assert "Portrait of Rafael" not in html
    assert "라파엘 킨테로" in html


def test_translating_a_cluster_page_also_translates_a_leader_who_has_no_korean_version(client, site_tree, korean):
    """What "Translate" in the page's menu does: the leader is submitted with the page, in English words until an
    editor translates them, and the Korean page names that Korean person."""
    leader = PersonFactory(name="Rafael Quintero")
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility", leader=leader)

    translate_object(cluster, [korean])

    korean_leader = leader.get_translation(korean)
    korean_cluster = ThematicClusterPage.objects.get(translation_key=cluster.translation_key, locale=korean)
    assert korean_cluster.leader == korean_leader
    assert korean_leader.name == "Rafael Quintero"  # still to translate: the English words meanwhile
    source = TranslationSource.objects.get_for_instance(leader)
    name = source.stringsegment_set.get(context__path="name").string
    StringTranslation.objects.create(
        translation_of=name, locale=korean, context=name.segments.first().context, data="라파엘 킨테로"
    )
    source.translations.get(target_locale=korean).save_target(publish=True)

    korean_leader.refresh_from_db()
    assert korean_leader.name == "라파엘 킨테로", korean_cluster.url
    korean_cluster.save_revision().publish()  # (the translation editor's "Publish")
    html = client.get(korean_cluster.url).content.decode()
    assert '<p class="person-card__name">라파엘 킨테로</p>' in html


def test_the_api_shows_a_korean_pages_contacts_and_leader_in_korean_whatever_the_request_language(
    client, site_tree, korean
):
    join = StandardPageFactory(parent=site_tree.home, title="How to join", slug="join", show_contacts=True)
    leader = PersonFactory(name="Rafael Quintero")
    cluster = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart mobility", leader=leader)
    sync_korean_tree()
    korean_copy(ContactFactory(name="Anthony Levero"), korean, name="앤서니 레베로")
    translate_object(cluster, [korean])  # the leader is submitted with the page
    korean_join = StandardPage.objects.get(translation_key=join.translation_key, locale=korean)
    korean_cluster = ThematicClusterPage.objects.get(translation_key=cluster.translation_key, locale=korean)

    contacts = client.get(f"/api/v3/pages/{korean_join.pk}/", HTTP_ACCEPT_LANGUAGE="en").json()["contacts"]
    leader_id = client.get(f"/api/v3/pages/{korean_cluster.pk}/").json()["leader"]["id"]

    assert [contact["name"] for contact in contacts] == ["앤서니 레베로"]
    assert leader_id == leader.get_translation(korean).pk
    english = client.get(f"/api/v3/pages/{join.pk}/", HTTP_ACCEPT_LANGUAGE="ko").json()["contacts"]
    assert [contact["name"] for contact in english] == ["Anthony Levero"]


def test_the_photo_and_address_are_the_same_persons_in_every_language(korean):
    person = PersonFactory(name="Amina Otieno", email="amina@example.org")
    source, _created = TranslationSource.get_or_create_from_instance(person)

    translated = {segment.context.path for segment in source.stringsegment_set.select_related("context")}

    assert translated == {"name", "role", "organisation"}  # (and the biography when there is one)
    contact_source, _created = TranslationSource.get_or_create_from_instance(ContactFactory(phone="+82 2 1234 5678"))
    assert {s.context.path for s in contact_source.stringsegment_set.select_related("context")} == {"name", "topic"}


def test_a_snippet_is_unique_per_language_and_translation_key(korean):
    person = PersonFactory()
    korean_copy(person, korean)

    assert Person.objects.filter(translation_key=person.translation_key).count() == 2
    assert Contact._meta.unique_together == (("translation_key", "locale"),)
