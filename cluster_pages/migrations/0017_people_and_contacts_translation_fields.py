"""People and contacts become translatable (step 1 of 3, as Wagtail's docs add TranslatableMixin to a model with
rows): the locale and translation key, empty for the rows that exist until the next migration fills them."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cluster_pages", "0016_country_indexes_and_text_search"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name=model_name,
            name="translation_key",
            field=models.UUIDField(editable=False, null=True),
        )
        for model_name in ("person", "contact")
    ] + [
        migrations.AddField(
            model_name=model_name,
            name="locale",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        )
        for model_name in ("person", "contact")
    ]
