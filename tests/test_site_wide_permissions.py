"""Who may open the screens that change every page at once (the footer, the site settings with the privacy notice
every form's consent box links to) and the translation review: the permission matrix for communications staff,
editors, the reviewing roles and anonymous visitors."""

import pytest
from django.urls import reverse

from cluster_pages.models import SiteSettings

from .factories import FooterFactory

pytestmark = pytest.mark.django_db

ALLOWED, REFUSED, SIGN_IN = "allowed", "refused", "sign in"

#: screen → role → what they get. "refused": Wagtail's answer, back to the dashboard saying so.
MATRIX = {
    "site settings": {
        "editor": ALLOWED,
        "communications": REFUSED,
        "reviewer": REFUSED,
        "coordinator": REFUSED,
        "anonymous": SIGN_IN,
    },
    "footer listing": {
        "editor": ALLOWED,
        "communications": ALLOWED,
        "reviewer": REFUSED,
        "coordinator": REFUSED,
        "anonymous": SIGN_IN,
    },
    "footer editor": {
        "editor": ALLOWED,
        "communications": ALLOWED,
        "reviewer": REFUSED,
        "coordinator": REFUSED,
        "anonymous": SIGN_IN,
    },
}


def screen_url(screen, site_tree):
    footer = FooterFactory()
    settings = SiteSettings.for_site(site_tree.site)
    settings.footer = footer
    settings.save()
    return {
        "site settings": reverse("wagtailsettings:edit", args=("cluster_pages", "sitesettings", site_tree.site.pk)),
        "footer listing": reverse("wagtailsnippets_cluster_pages_footer:list"),
        "footer editor": reverse("wagtailsnippets_cluster_pages_footer:edit", args=(footer.pk,)),
    }[screen]


def outcome(response):
    if response.status_code == 200:
        return ALLOWED
    if response.status_code == 302 and reverse("wagtailadmin_login") in response.url:
        return SIGN_IN
    if response.status_code in (302, 403):
        return REFUSED
    return response.status_code


@pytest.mark.parametrize(("screen", "role"), [(screen, role) for screen, roles in MATRIX.items() for role in roles])
def test_site_wide_screens_by_role(client, request, site_tree, screen, role):
    url = screen_url(screen, site_tree)
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))

    assert outcome(client.get(url)) == MATRIX[screen][role]


def test_communications_cannot_change_the_privacy_notice_by_posting(client, communications, site_tree):
    settings = SiteSettings.for_site(site_tree.site)
    client.force_login(communications)

    client.post(
        reverse("wagtailsettings:edit", args=("cluster_pages", "sitesettings", site_tree.site.pk)),
        {"organisation_name": "Someone else", "social_links-TOTAL_FORMS": "0", "social_links-INITIAL_FORMS": "0"},
    )

    settings.refresh_from_db()
    assert settings.organisation_name != "Someone else"
