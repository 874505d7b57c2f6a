"""The Korean locale, kept in step with the English page tree (wagtail-localize's "Synchronise content from")."""

from django.db import migrations


def add_korean_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    english, _ = Locale.objects.get_or_create(language_code="en")
    korean, _ = Locale.objects.get_or_create(language_code="ko")
    LocaleSynchronization.objects.get_or_create(locale=korean, defaults={"sync_from": english})


def remove_korean_locale(apps, schema_editor):
    LocaleSynchronization = apps.get_model("wagtail_localize", "LocaleSynchronization")
    LocaleSynchronization.objects.filter(locale__language_code="ko").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [migrations.RunPython(add_korean_locale, remove_korean_locale)]
