"""The listing consent: off by default and naming the directory and its map on the forms; recorded with its time
and wording version; changed by members in their workspace and by coordinators on the inspect page (logged);
in the applicant's data export, and withdrawn by an erasure."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail import hooks
from wagtail.models import ModelLogEntry

from cluster_pages.application_forms import CityApplicationForm, CompanyRegistrationForm
from cluster_pages.directory.services import CONSENT_ACTION
from cluster_pages.models import ClusterWorkspacePage
from cluster_pages.models.listing import LISTING_CONSENT_WORDING
from tests.activation.conftest import city_application
from workflows.selectors.personal_data import applicant_data
from workflows.services.personal_data import applicant_erase

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("form_class", [CityApplicationForm, CompanyRegistrationForm])
def test_the_forms_consent_names_the_directory_and_is_off_by_default(form_class):
    field = form_class().fields["consent_public_listing"]

    assert "member directory" in str(field.label).lower()
    assert not field.required and not field.initial
    assert form_class().initial.get("consent_public_listing") in (None, False)


def test_the_city_form_names_the_map_and_asks_separately_for_the_project_title():
    fields = CityApplicationForm().fields
    assert "map" in str(fields["consent_public_listing"].label)
    assert "project" in str(fields["consent_project_title"].label)


def test_a_new_application_records_the_current_wording_and_the_submission_time(clusters):
    application = city_application(city="Seoul")

    assert application.consent_public_listing_wording == LISTING_CONSENT_WORDING
    assert application.consent_public_listing_recorded_at == application.submitted_at


@pytest.fixture
def member(clusters, activate):
    application = activate(city_application(city="Seoul", email="mayor@seoul.example.org"), clusters.mobility)
    user = get_user_model().objects.get(email__iexact="mayor@seoul.example.org")
    return application, user


def workspace_url(cluster) -> str:
    return ClusterWorkspacePage.objects.child_of(cluster).get().url


def test_a_member_withdraws_in_the_workspace_and_the_change_is_recorded_and_logged(client, clusters, member):
    application, user = member
    client.force_login(user)
    url = workspace_url(clusters.mobility)
    form = BeautifulSoup(client.get(url).content, "html.parser").find("input", attrs={"name": "listed"})
    assert form.has_attr("checked")

    response = client.post(url, {"action": "directory-listing"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.consent_public_listing is False
    assert application.consent_public_listing_changed_at is not None
    assert application.consent_public_listing_wording == LISTING_CONSENT_WORDING
    entry = ModelLogEntry.objects.filter(action=CONSENT_ACTION, object_id=str(application.pk)).get()
    assert entry.user == user
    assert entry.data["listed"] is False and entry.data["source"] == "workspace"


def test_a_member_gives_consent_again_with_the_project_title(client, clusters, activate):
    application = activate(city_application(city="Lima", country="PE", consent=False), clusters.mobility)
    client.force_login(get_user_model().objects.get(email__iexact=application.applicant_email))

    client.post(
        workspace_url(clusters.mobility), {"action": "directory-listing", "listed": "on", "project_title": "on"}
    )

    application.refresh_from_db()
    assert (application.consent_public_listing, application.consent_project_title) == (True, True)


def test_someone_outside_the_cluster_cannot_post_to_its_workspace(client, clusters, member, reviewer):
    application, _user = member
    client.force_login(reviewer)

    client.post(workspace_url(clusters.mobility), {"action": "directory-listing"})

    application.refresh_from_db()
    assert application.consent_public_listing is True


def test_a_coordinator_changes_the_consent_on_the_admin_screen_and_it_is_logged(client, member, coordinator):
    application, _user = member
    client.force_login(coordinator)
    url = reverse("cluster_pages_directory_listing", args=[application.pk])
    assert client.get(url).status_code == 200

    response = client.post(url, {"latitude": "37.5", "longitude": "127.0"})

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.consent_public_listing is False
    assert (application.latitude, application.longitude, application.map_place) == (37.5, 127.0, "staff")
    entry = ModelLogEntry.objects.filter(action=CONSENT_ACTION, object_id=str(application.pk)).get()
    assert entry.user == coordinator and entry.data["source"] == "staff"


@pytest.mark.parametrize("role", ["reviewer", "editor", "mobility_leader", None])
def test_the_admin_screen_is_not_found_for_anyone_but_coordinators(request, client, member, role):
    application, _user = member
    if role:
        client.force_login(request.getfixturevalue(role))
    url = reverse("cluster_pages_directory_listing", args=[application.pk])

    response = client.post(url, {"listed": "on"})

    assert response.status_code in (302, 404) if role is None else response.status_code == 404
    application.refresh_from_db()
    assert application.consent_public_listing is True


def test_the_inspect_page_offers_the_directory_button_to_coordinators_only(rf, member, coordinator, reviewer):
    application, _user = member

    def labels(user):
        request = rf.get("/admin/")
        request.user = user
        hooked = hooks.get_hooks("workflow_forms_inspect_buttons")
        return [button["label"] for hook in hooked for button in hook(application, request) or []]

    assert "Directory listing" in labels(coordinator)
    assert "Directory listing" not in labels(reviewer)


def test_the_data_export_holds_the_consent_record(member):
    application, _user = member

    exported = applicant_data(email=application.applicant_email)

    (record,) = exported["other"]["directory_listing"]
    assert record["application"] == application.reference
    assert record["listed_in_directory"] is True
    assert record["wording_version"] == LISTING_CONSENT_WORDING
    assert record["recorded_at"]


def test_an_erasure_withdraws_the_listing(client, member, directory_page):
    application, _user = member
    assert "Seoul" in client.get("/en/members/").content.decode()

    applicant_erase(email=application.applicant_email)

    application.refresh_from_db()
    assert application.consent_public_listing is False
    assert "Seoul" not in client.get("/en/members/").content.decode()
