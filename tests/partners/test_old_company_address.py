"""/join/company/, the company registration's address before every kind of partner registered there, keeps working:
a permanent redirect to the partner registration in the same language, with the query (the chosen cluster) kept;
the form pages move there with their migration."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Locale
from wagtail_localize.synctree import synchronize_tree

from tests.site_forms.support import add_form_page

pytestmark = pytest.mark.django_db
MIGRATION = importlib.import_module("cluster_pages.migrations.0025_partner_registrations_by_organisation_type")


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_old_address_redirects_permanently_to_the_partner_form_in_the_same_language(client, forms, language):
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))

    response = client.get(f"/{language}/join/company/?cluster={forms.active_cluster.pk}")

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/join/partner/?cluster={forms.active_cluster.pk}"
    assert client.get(response["Location"]).status_code == 200


def test_without_a_published_partner_form_the_old_address_is_not_found(client, forms):
    forms.company.unpublish()

    assert client.get("/en/join/company/").status_code == 404


def test_a_form_page_still_at_the_old_address_is_served_there_not_redirected_in_a_loop(client, site_tree):
    from cluster_pages.models import CompanyRegistrationFormPage
    from tests.factories import StandardPageFactory

    join = StandardPageFactory(parent=site_tree.home, title="How to join", slug="join")
    add_form_page(join, CompanyRegistrationFormPage, "company", "Register as a company")

    response = client.get("/en/join/company/")

    assert response.status_code == 200
    assert "Register as a company" in response.content.decode()


def test_the_migration_moves_the_form_page_its_revisions_and_its_translations_to_the_new_address(client, site_tree):
    from cluster_pages.models import CompanyRegistrationFormPage
    from tests.factories import StandardPageFactory

    join = StandardPageFactory(parent=site_tree.home, title="How to join", slug="join")
    page = add_form_page(join, CompanyRegistrationFormPage, "company", "Register as a company")
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))

    MIGRATION.partner_form_moves(apps, None)

    page.refresh_from_db()
    assert (page.slug, page.url) == ("partner", "/en/join/partner/")
    assert page.latest_revision.content["slug"] == "partner"
    korean = page.get_translation(Locale.objects.get(language_code="ko"))
    assert (korean.slug, korean.url) == ("partner", "/ko/join/partner/")
    assert client.get("/en/join/company/")["Location"] == "/en/join/partner/"
    assert client.get("/ko/join/partner/").status_code == 200

    MIGRATION.partner_form_moves_back(apps, None)
    page.refresh_from_db()
    assert page.url == "/en/join/company/"
