"""Extra form questions become translatable (a locale and a translation key, wagtail-localize translates them
with their page). Existing questions get their page's locale and a key of their own."""

import uuid

import django.db.models.deletion
from django.db import migrations, models

MODELS = ("cityapplicationformfield", "companyregistrationformfield", "themesuggestionformfield")


def fill_locale_and_key(apps, schema_editor):
    for name in MODELS:
        model = apps.get_model("cluster_pages", name)
        # Values only: a historical form page cannot be instantiated (Wagtail's FormMixin needs its template).
        for pk, locale_id in model.objects.values_list("pk", "page__locale_id"):
            model.objects.filter(pk=pk).update(translation_key=uuid.uuid4(), locale_id=locale_id)


def _operations(name):
    return [
        migrations.AddField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                null=True,
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AddField(
            model_name=name, name="translation_key", field=models.UUIDField(null=True, editable=False)
        ),
    ]


def _final_operations(name):
    return [
        migrations.AlterField(
            model_name=name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name=name, name="translation_key", field=models.UUIDField(default=uuid.uuid4, editable=False)
        ),
        migrations.AlterUniqueTogether(name=name, unique_together={("translation_key", "locale")}),
    ]


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0014_submission_language"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        *(operation for name in MODELS for operation in _operations(name)),
        migrations.RunPython(fill_locale_and_key, migrations.RunPython.noop),
        *(operation for name in MODELS for operation in _final_operations(name)),
    ]
