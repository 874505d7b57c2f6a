"""Drafts are the applicants' own: staff see how many each form has, never what they say (not in the listing,
the dashboard's figures or the search)."""

import pytest
from wagtail.models import Page

from workflows.models import FormDraft

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft(site_tree):
    page = site_tree.home.add_child(instance=Page(title="Apply as a city", slug="city-form"))
    return FormDraft.objects.create(
        page=page,
        data={"applicant_name": ["Draftina Unsent"], "applicant_email": ["draftina@example.org"], "city": ["Atlantis"]},
        email="draftina@example.org",
    )


def test_the_dashboard_counts_the_drafts_per_form_and_shows_nothing_of_them(client, coordinator, draft):
    client.force_login(coordinator)

    html = client.get("/admin/").content.decode()

    assert "Apply as a city: 1 draft" in html
    assert "Draftina" not in html and "Atlantis" not in html
    assert 'data-state="submitted">' in html  # the figures stay those of the applications
    assert 'data-awaiting-count="0"' in html


def test_the_listing_does_not_show_a_draft(client, coordinator, draft, city_urls):
    client.force_login(coordinator)

    html = client.get(city_urls.index()).content.decode()

    assert "Draftina" not in html and "Atlantis" not in html
    assert "Atlantis" not in client.get(city_urls.index() + "?q=Draftina").content.decode()
