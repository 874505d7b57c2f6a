"""Editing an event: the time zone starts at Seoul's with the usual places first and readable names, related
clusters are ticked from the live clusters in the page's own language, and Admin › Events lists the dates."""

import datetime

import pytest
from django import forms
from django.urls import reverse
from wagtail.models import Locale, Page
from wagtail_localize.synctree import synchronize_tree

from tests.factories import EventPageFactory, ThematicClusterPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, superuser):
    client.force_login(superuser)
    return client


def add_event_form(client, parent):
    response = client.get(reverse("wagtailadmin_pages:add", args=("cluster_pages", "eventpage", parent.pk)))
    assert response.status_code == 200
    return response.context["form"]


def test_a_new_event_starts_in_seouls_time_zone_with_the_usual_places_first(signed_in, site_tree):
    form = add_event_form(signed_in, site_tree.events)

    assert form["time_zone"].value() == "Asia/Seoul"
    [(usual, usual_choices), (everything, all_choices)] = form.fields["time_zone"].widget.choices
    assert (str(usual), str(everything)) == ("Usual places", "All time zones")
    assert usual_choices[0] == ("Asia/Seoul", "Seoul (Korea Standard Time)")
    assert ("Europe/Paris", "Paris, Madrid, Brussels (Central European Time)") in usual_choices
    assert ("America/Argentina/Buenos_Aires", "America / Argentina / Buenos Aires") in all_choices


def test_the_time_zone_list_leaves_out_the_legacy_aliases(signed_in, site_tree):
    groups = add_event_form(signed_in, site_tree.events).fields["time_zone"].widget.choices
    offered = {name for _label, choices in groups for name, _name_label in choices}

    assert not offered & {"ROK", "Zulu", "Factory", "US/Eastern", "Etc/GMT+9"}
    assert len(offered) > 300  # every place's zone is still there after the usual ones


def test_visitors_read_the_zones_abbreviation(client, site_tree):
    event = EventPageFactory(
        parent=site_tree.events,
        start_date=datetime.date(2027, 1, 12),
        end_date=datetime.date(2027, 1, 12),
        start_time=datetime.time(10),
        end_time=datetime.time(12),
        time_zone="Europe/Paris",
    )

    html = client.get(event.url).content.decode()

    assert "12:00</time> (CET)" in html
    assert "Europe/Paris" not in html


def test_related_clusters_are_checkboxes_of_the_live_clusters_in_the_pages_language(signed_in, site_tree):
    mobility = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Mobility")
    water = ThematicClusterPageFactory(parent=site_tree.clusters, title="Smart Water")
    draft = ThematicClusterPageFactory(parent=site_tree.clusters, title="Urban Heat", live=False)
    synchronize_tree(Locale.objects.get(language_code="en"), Locale.objects.get(language_code="ko"))

    field = add_event_form(signed_in, site_tree.events).fields["related_clusters"]

    assert isinstance(field.widget, forms.CheckboxSelectMultiple)
    assert set(field.queryset) == {mobility, water}
    assert draft not in field.queryset  # a draft is not a cluster yet

    korean_events = Page.objects.get(translation_key=site_tree.events.translation_key, locale__language_code="ko")
    korean_choices = add_event_form(signed_in, korean_events).fields["related_clusters"].queryset
    assert {cluster.locale.language_code for cluster in korean_choices} == {"ko"}
    assert {cluster.translation_key for cluster in korean_choices} == {mobility.translation_key, water.translation_key}


def test_a_cluster_already_chosen_stays_ticked_after_it_is_unpublished(signed_in, site_tree):
    archived = ThematicClusterPageFactory(parent=site_tree.clusters, title="Old theme")
    event = EventPageFactory(parent=site_tree.events, related_clusters=[archived])
    archived.unpublish()

    response = signed_in.get(reverse("wagtailadmin_pages:edit", args=(event.pk,)))

    assert archived.pk in {cluster.pk for cluster in response.context["form"].fields["related_clusters"].queryset}


def test_admin_events_lists_every_event_with_its_dates_latest_first(signed_in, site_tree):
    EventPageFactory(
        parent=site_tree.events,
        title="Spring forum",
        start_date=datetime.date(2027, 3, 17),
        end_date=datetime.date(2027, 3, 17),
    )
    EventPageFactory(
        parent=site_tree.events,
        title="Autumn summit",
        start_date=datetime.date(2027, 9, 14),
        end_date=datetime.date(2027, 9, 15),
    )

    response = signed_in.get(reverse("event_listing:index"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Event dates" in html
    assert "Sept. 14, 2027 to Sept. 15, 2027" in html and "March 17, 2027" in html
    assert html.index("Autumn summit") < html.index("Spring forum")
