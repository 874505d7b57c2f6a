"""The footer becomes a translatable snippet (step 1 of 3): the model, and the site settings' choice of it."""

import django.db.models.deletion
import uuid
import wagtail.fields
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cluster_pages', '0019_people_and_contacts_unique_translations'),
        ('wagtailcore', '0098_apitoken'),
    ]

    operations = [
        migrations.CreateModel(
            name='Footer',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                ('text', models.TextField(blank=True, verbose_name='footer text')),
                ('links', wagtail.fields.StreamField([('link', 2)], blank=True, block_lookup={0: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "The page's title when empty.", 'label': 'Label', 'max_length': 64, 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('page', 0), ('label', 1)]], {})}, help_text='E.g. the privacy notice, the accessibility statement and the contact page.', verbose_name='footer links')),
                ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
            ],
            options={
                'verbose_name': 'footer',
                'verbose_name_plural': 'footers',
                'abstract': False,
                'unique_together': {('translation_key', 'locale')},
            },
        ),
        migrations.AddField(
            model_name='sitesettings',
            name='footer',
            field=models.ForeignKey(blank=True, help_text="Its text and links (Snippets › Footers), in the visitor's language once translated.", null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='cluster_pages.footer', verbose_name='footer'),
        ),
    ]
