"""A site made before people, contacts and the footer were translatable migrates without losing a word: its people
and contacts become the default language's, and each site's footer text, links and labels move into a footer
snippet its settings choose."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("cluster_pages", "0016_country_indexes_and_text_search")]
AFTER = [("cluster_pages", "0022_remove_site_settings_footer_text_and_links")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def site_with_two_pages(apps):
    """An English site whose root has a privacy notice and a contact page, in the migration state ``apps``."""
    english, _created = apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")
    Page = apps.get_model("wagtailcore", "Page")
    ContentType = apps.get_model("contenttypes", "ContentType")
    page_type, _created = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    common = {"content_type": page_type, "locale": english}
    root = Page.objects.create(title="Root", slug="root", path="9999", depth=1, numchild=2, **common)
    privacy = Page.objects.create(title="Privacy notice", slug="privacy", path="99990001", depth=2, **common)
    contact = Page.objects.create(title="Contact", slug="contact", path="99990002", depth=2, **common)
    site = apps.get_model("wagtailcore", "Site").objects.create(hostname="example.org", root_page=root)
    return english, site, privacy, contact


@pytest.fixture
def latest_schema_after_the_test():
    yield
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("latest_schema_after_the_test")
def test_existing_people_contacts_and_footer_keep_every_word_through_the_migrations():
    apps = migrate(BEFORE)
    english, site, privacy, contact = site_with_two_pages(apps)
    settings = apps.get_model("cluster_pages", "SiteSettings").objects.create(
        site=site, footer_text="WeGO Secretariat, Seoul."
    )
    FooterLink = apps.get_model("cluster_pages", "FooterLink")
    FooterLink.objects.create(settings=settings, page=contact, label="", sort_order=1)
    FooterLink.objects.create(settings=settings, page=privacy, label="Privacy", sort_order=0)
    apps.get_model("cluster_pages", "Person").objects.create(name="Amina Otieno", role="Cluster leader")
    apps.get_model("cluster_pages", "Person").objects.create(name="Rafael Quintero")
    apps.get_model("cluster_pages", "Contact").objects.create(name="Anthony Levero", topic="WeGO Thematic Clusters")

    apps = migrate(AFTER)

    people = apps.get_model("cluster_pages", "Person").objects.order_by("name")
    assert [(person.name, person.locale_id) for person in people] == [
        ("Amina Otieno", english.pk),
        ("Rafael Quintero", english.pk),
    ]
    assert len({person.translation_key for person in people}) == 2 and None not in {p.translation_key for p in people}
    (contact_row,) = apps.get_model("cluster_pages", "Contact").objects.all()
    assert (contact_row.topic, contact_row.locale_id) == ("WeGO Thematic Clusters", english.pk)
    footer = apps.get_model("cluster_pages", "SiteSettings").objects.get(site_id=site.pk).footer
    assert footer.text == "WeGO Secretariat, Seoul." and footer.locale_id == english.pk
    assert [(link["value"]["page"], link["value"]["label"]) for link in footer.links.raw_data] == [
        (privacy.pk, "Privacy"),
        (contact.pk, ""),
    ]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("latest_schema_after_the_test")
def test_the_footer_migration_can_be_undone_with_its_text_and_links():
    apps = migrate(AFTER)
    english, site, privacy, _contact = site_with_two_pages(apps)
    footer = apps.get_model("cluster_pages", "Footer").objects.create(
        locale=english,
        text="WeGO Secretariat, Seoul.",
        links=f'[{{"type": "link", "value": {{"page": {privacy.pk}, "label": "Privacy"}}, "id": "a"}}]',
    )
    apps.get_model("cluster_pages", "SiteSettings").objects.create(site=site, footer=footer)

    apps = migrate(BEFORE)

    settings = apps.get_model("cluster_pages", "SiteSettings").objects.get(site_id=site.pk)
    assert settings.footer_text == "WeGO Secretariat, Seoul."
    links = apps.get_model("cluster_pages", "FooterLink").objects.filter(settings_id=settings.pk)
    assert [(link.page_id, link.label) for link in links] == [(privacy.pk, "Privacy")]
