"""Translations started before the slug and an event's time zone were synchronised (``translation_fields``) keep
offering them to translators until their English page is synchronised again: drop those two segments now, so the
editor stops counting them as missing. The values themselves come from the English page on the next publish."""

from django.db import migrations

SITE_APPS = ("cluster_pages", "home")


def drop_segments(apps, schema_editor):
    StringSegment = apps.get_model("wagtail_localize", "StringSegment")
    of_site_pages = StringSegment.objects.filter(source__specific_content_type__app_label__in=SITE_APPS)
    of_site_pages.filter(context__path="slug").delete()
    of_site_pages.filter(source__specific_content_type__model="eventpage", context__path="time_zone").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0023_editorial_groups_edit_and_translate_footers"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(drop_segments, migrations.RunPython.noop)]
