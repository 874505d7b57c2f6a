"""The translation editor offers translators words only: an event's time zone and every page's slug are
synchronised from English, so a translation publishes with the English page's time zone and address."""

import importlib

import pytest
from django.apps import apps
from wagtail.models import Locale, Page
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue

from tests.factories import EventPageFactory

pytestmark = pytest.mark.django_db


def site_page_models():
    site_apps = ("home", "cluster_pages")
    return [model for model in apps.get_models() if issubclass(model, Page) and model._meta.app_label in site_apps]


@pytest.mark.parametrize("model", site_page_models(), ids=lambda model: model.__name__)
def test_every_page_synchronises_its_slug(model):
    fields = {field.field_name: field for field in get_translatable_fields(model)}

    assert isinstance(fields["slug"], SynchronizedField) and not fields["slug"].is_overridable(model())


def test_an_event_synchronises_its_time_zone():
    from cluster_pages.models import EventPage

    fields = {field.field_name: field for field in get_translatable_fields(EventPage)}

    assert isinstance(fields["time_zone"], SynchronizedField) and not fields["time_zone"].is_translated(EventPage())


def test_the_translation_editor_offers_no_time_zone_and_no_slug(site_tree):
    event = EventPageFactory(parent=site_tree.events, title="Data forum", time_zone="Asia/Seoul")

    source, _created = TranslationSource.get_or_create_from_instance(event)
    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))

    assert "title" in paths
    assert "time_zone" not in paths and "slug" not in paths


def test_a_fully_translated_event_publishes_with_the_english_time_zone_and_slug(
    site_tree, django_capture_on_commit_callbacks
):
    event = EventPageFactory(parent=site_tree.events, title="Data forum", time_zone="Asia/Seoul")
    korean = Locale.objects.get(language_code="ko")
    site_tree.events.copy_for_translation(korean, copy_parents=True).save_revision().publish()
    source, _created = TranslationSource.get_or_create_from_instance(event)
    translation = Translation.objects.create(source=source, target_locale=korean)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=korean, context=segment.context, data=f"{segment.string.data} (ko)"
        )

    assert translation.get_progress() == (translation.get_progress()[0],) * 2  # nothing left to translate
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes on commit
        translation.save_target(publish=True)

    published = event.get_translation(korean).specific
    assert published.live and published.title == "Data forum (ko)"
    assert published.time_zone == "Asia/Seoul" and published.slug == event.slug


def test_translations_started_before_offer_the_slug_and_time_zone_no_more(site_tree):
    migration = importlib.import_module("cluster_pages.migrations.0024_translations_offer_no_slug_or_time_zone")
    event = EventPageFactory(parent=site_tree.events, title="Data forum", time_zone="Asia/Seoul")
    source, _created = TranslationSource.get_or_create_from_instance(event)
    for order, (path, value) in enumerate([("slug", event.slug), ("time_zone", "Asia/Seoul")], start=100):
        StringSegment.from_value(source, source.locale, StringSegmentValue(path, value, order=order))

    migration.drop_segments(apps, None)

    paths = set(StringSegment.objects.filter(source=source).values_list("context__path", flat=True))
    assert "title" in paths and not paths & {"slug", "time_zone"}
