"""The home page's figures become a list editors order and prune. Every home page (and, through the field's
default, every revision saved before) starts with the seven figures it showed until now, in the same order."""

import wagtail.fields
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('home', '0002_korean_locale'),
    ]

    operations = [
        migrations.AddField(
            model_name='homepage',
            name='figure_blocks',
            field=wagtail.fields.StreamField([('live_figure', 2), ('year_figure', 8)], blank=True, block_lookup={0: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('participating_cities', 'Participating cities'), ('active_clusters', 'Active clusters'), ('partner_companies', 'Partner organisations'), ('countries', 'Countries represented'), ('forming_clusters', 'Clusters forming'), ('upcoming_events', 'Upcoming events'), ('case_studies', 'Best-practice case studies')], 'label': 'Figure'}), 1: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the figure's name.", 'label': 'Caption', 'required': False}), 2: ('wagtail.blocks.StructBlock', [[('figure', 0), ('caption', 1)]], {'label': 'Live figure'}), 3: ('wagtail.blocks.CharBlock', (), {'help_text': 'As it should read, e.g. 120 or 1,200+.', 'label': 'Figure', 'max_length': 32}), 4: ('wagtail.blocks.CharBlock', (), {'label': 'What it counts', 'max_length': 120}), 5: ('wagtail.blocks.IntegerBlock', (), {'label': 'Year', 'max_value': 2100, 'min_value': 1900}), 6: ('wagtail.blocks.URLBlock', (), {'label': 'Source link', 'required': False}), 7: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown as the link, e.g. NIST. Leave empty to show "source".', 'label': 'Source name', 'max_length': 120, 'required': False}), 8: ('wagtail.blocks.StructBlock', [[('value', 3), ('label', 4), ('year', 5), ('source_url', 6), ('source_name', 7)]], {})}, default=[('live_figure', {'caption': '', 'figure': 'participating_cities'}), ('live_figure', {'caption': '', 'figure': 'active_clusters'}), ('live_figure', {'caption': '', 'figure': 'partner_companies'}), ('live_figure', {'caption': '', 'figure': 'countries'}), ('live_figure', {'caption': '', 'figure': 'forming_clusters'}), ('live_figure', {'caption': '', 'figure': 'upcoming_events'}), ('live_figure', {'caption': '', 'figure': 'case_studies'})], help_text='Shown in this order under "The network in figures": live figures, counted when the page is shown, and figures with a year that you type with their source. None: the section is not shown.', verbose_name='figures'),
        ),
    ]
