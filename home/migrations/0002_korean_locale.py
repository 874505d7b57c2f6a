"""The Korean locale. Synchronising it from English (wagtail-localize's "Synchronise content from") is set by
load_initial_data or in Settings › Locales: wagtail-localize's signal on that row ignores fixture loading, which
breaks the test suite's serialized rollback if the row exists from a migration."""

from django.db import migrations


def add_korean_locale(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Locale.objects.get_or_create(language_code="ko")


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(add_korean_locale, migrations.RunPython.noop)]
