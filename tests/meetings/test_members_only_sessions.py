"""A members-only session takes its cluster's signed-in members, with what the site knows of them filled in; a
visitor is sent to sign in, and nothing is stored."""

import pytest
from django.contrib.auth.models import Group

from cluster_pages.models import CityApplication, EventRegistration
from tests.factories import UserFactory

from .conftest import register_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(summit):
    group = Group.objects.create(name="Members: Smart Mobility")
    type(summit.cluster).objects.filter(pk=summit.cluster.pk).update(members_group=group)
    user = UserFactory(username="ana", email="ana@seoul.example", first_name="Ana", last_name="Lima")
    user.groups.add(group)
    CityApplication.objects.create(
        applicant_name="Ana Lima",
        applicant_email="ana@seoul.example",
        city="Seoul",
        country="KR",
        role="Director",
        organisation="Smart City Bureau",
        project_title="Buses",
        project_description="On time.",
        project_status="concept",
        partners_sought="Cities",
        status_token_hash="x" * 64,
        fingerprint="f",
    )
    return user


def test_a_visitor_is_asked_to_sign_in_and_nothing_is_stored(client, register, summit):
    page = client.get(register_url(summit.page, summit.members)).content.decode()
    response = register(summit.members)

    assert "/account/login/?next=" in page
    assert 'name="applicant_name"' not in page
    assert response.status_code == 409
    assert not EventRegistration.objects.exists()


def test_a_member_finds_the_form_filled_in_and_registers_with_their_account_address(client, summit, member):
    client.force_login(member)

    page = client.get(register_url(summit.page, summit.members)).content.decode()
    response = client.post(
        register_url(summit.page, summit.members),
        {
            "applicant_name": "Ana Lima",
            "applicant_email": "someone-else@example.org",  # disabled: the account's address is kept
            "organisation": "Smart City Bureau",
            "role": "Director",
            "city": "Seoul",
            "country": "KR",
            "consent_privacy": "on",
        },
    )

    assert 'value="Smart City Bureau"' in page and 'value="Director"' in page
    assert response.status_code == 200
    assert EventRegistration.objects.get().applicant_email == "ana@seoul.example"


def test_a_member_of_another_cluster_is_asked_to_sign_in_as_this_cluster_member(client, summit, member):
    client.force_login(member)

    page = client.get(register_url(summit.page, summit.members)).content.decode()
    other = client.get(register_url(summit.page, summit.other)).content.decode()

    assert 'name="applicant_name"' in page
    assert 'name="applicant_name"' in other  # the other cluster's session is open to everyone
