"""An event cannot end before it starts, may last a single day, and must be held in a real time zone."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from cluster_pages.models import EventPage

from .factories import EventPageFactory

END_BEFORE_START = "The end date cannot be before the start date."
START = timezone.localdate() + datetime.timedelta(days=20)


def event_form_data(**overrides):
    data = {
        "title": "Tech jam",
        "slug": "tech-jam",
        "start_date": START.isoformat(),
        "end_date": START.isoformat(),
        "time_zone": "Europe/Madrid",
        "kind": "tech_jam",
        "description": streamfield([]),
        "sessions": inline_formset([]),
        "action-publish": "action-publish",
    }
    data.update(overrides)
    return nested_form_data(data)


@pytest.fixture
def add_event_url(site_tree):
    return reverse("wagtailadmin_pages:add", args=("cluster_pages", "eventpage", site_tree.events.pk))


@pytest.fixture
def admin_client_as_superuser(client, superuser):
    client.force_login(superuser)
    return client


def test_event_end_date_before_start_date_is_rejected_in_full_clean(site_tree):
    event = EventPage(title="Summit", slug="summit", start_date=START, end_date=START - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean()
    assert excinfo.value.message_dict["end_date"] == [END_BEFORE_START]


def test_event_end_date_before_start_date_is_rejected_with_a_clear_message_in_the_admin(
    admin_client_as_superuser, add_event_url
):
    response = admin_client_as_superuser.post(
        add_event_url, event_form_data(end_date=(START - datetime.timedelta(days=1)).isoformat())
    )

    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == [END_BEFORE_START]
    assert END_BEFORE_START in response.content.decode()
    assert not EventPage.objects.filter(slug="tech-jam").exists()


def test_editing_a_published_event_to_end_before_it_starts_is_rejected(admin_client_as_superuser, site_tree):
    event = EventPageFactory(parent=site_tree.events, start_date=START, end_date=START)
    response = admin_client_as_superuser.post(
        reverse("wagtailadmin_pages:edit", args=(event.pk,)),
        event_form_data(slug=event.slug, end_date=(START - datetime.timedelta(days=3)).isoformat()),
    )

    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == [END_BEFORE_START]
    event.refresh_from_db()
    assert event.end_date == START


def test_a_one_day_event_ending_on_its_start_date_is_accepted(admin_client_as_superuser, add_event_url):
    response = admin_client_as_superuser.post(add_event_url, event_form_data())

    assert response.status_code == 302
    event = EventPage.objects.get(slug="tech-jam")
    assert event.live
    assert event.start_date == event.end_date == START


def test_a_one_day_event_passes_full_clean(site_tree):
    event = EventPageFactory.build(start_date=START, end_date=START)
    event.full_clean(exclude=["path", "depth"])  # not in the tree yet, so no tree position to validate


def test_an_unknown_time_zone_is_rejected_in_full_clean(site_tree):
    event = EventPageFactory.build(time_zone="Mars/Olympus_Mons")
    with pytest.raises(ValidationError) as excinfo:
        event.full_clean(exclude=["path", "depth"])
    assert excinfo.value.message_dict["time_zone"] == ["“Mars/Olympus_Mons” is not a known time zone."]


def test_an_unknown_time_zone_is_rejected_in_the_admin(admin_client_as_superuser, add_event_url):
    response = admin_client_as_superuser.post(add_event_url, event_form_data(time_zone="Mars/Olympus_Mons"))

    assert response.status_code == 200
    assert response.context["form"].errors["time_zone"] == ["“Mars/Olympus_Mons” is not a known time zone."]
    assert not EventPage.objects.filter(slug="tech-jam").exists()


def test_the_admin_offers_every_iana_time_zone_to_choose_from(admin_client_as_superuser, add_event_url):
    response = admin_client_as_superuser.get(add_event_url)

    groups = response.context["form"].fields["time_zone"].widget.choices
    choices = dict(choice for _group, group_choices in groups for choice in group_choices)
    assert {"UTC", "Asia/Seoul", "America/Mexico_City", "Africa/Nairobi", "America/Argentina/Salta"} <= set(choices)
