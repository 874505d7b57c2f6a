"""Partners beyond companies: the company registration becomes the partner registration.

- Every registration gets an organisation type; those made before are companies (the column's default while it is
  added, so no row is left without one).
- The form page moves from /join/company/ to /join/partner/ in every language (its slug, its URL path, the
  revisions an editor would publish again and the content wagtail-localize copies into translations);
  ``cluster_pages.old_addresses`` redirects the old address. A page that already has a "partner" sibling stays.
- The figure blocks gain the figure with a year and a source, and the partners' figure its new name.
"""

import json

import wagtail.fields
from django.db import migrations, models

OLD_SLUG, NEW_SLUG = "company", "partner"


def _moved_url_path(url_path: str, old: str, new: str) -> str:
    return url_path[: -len(old) - 1] + new + "/" if url_path.endswith(f"/{old}/") else url_path


def _moved_content(content: dict, old: str, new: str) -> dict:
    if content.get("slug") == old:
        content = {**content, "slug": new, "url_path": _moved_url_path(content.get("url_path") or "", old, new)}
    return content


def partner_form_moves(apps, schema_editor, *, old=OLD_SLUG, new=NEW_SLUG):
    """Move the partner registration form pages from ``old`` to ``new`` (see the module's docstring)."""
    FormPage = apps.get_model("cluster_pages", "CompanyRegistrationFormPage")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    moved_keys = set()
    for page in FormPage.objects.filter(slug=old):
        parent_path = page.path[: -4]
        if Page.objects.filter(path__startswith=parent_path, depth=page.depth, slug=new).exists():
            continue
        page.slug = new
        page.url_path = _moved_url_path(page.url_path, old, new)
        page.save(update_fields=["slug", "url_path"])
        for revision in Revision.objects.filter(pk__in=[page.latest_revision_id, page.live_revision_id]):
            revision.content = _moved_content(revision.content, old, new)
            revision.save(update_fields=["content"])
        moved_keys.add(page.translation_key)
    if moved_keys:
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
        for source in TranslationSource.objects.filter(object_id__in=moved_keys):
            content = json.loads(source.content_json)
            moved = _moved_content(content, old, new)
            if moved is not content:
                source.content_json = json.dumps(moved)
                source.save(update_fields=["content_json"])


def partner_form_moves_back(apps, schema_editor):
    partner_form_moves(apps, schema_editor, old=NEW_SLUG, new=OLD_SLUG)


class Migration(migrations.Migration):

    dependencies = [
        ('cluster_pages', '0024_translations_offer_no_slug_or_time_zone'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='companyregistration',
            options={'verbose_name': 'partner registration', 'verbose_name_plural': 'partner registrations'},
        ),
        migrations.AlterModelOptions(
            name='companyregistrationformpage',
            options={'verbose_name': 'partner registration form'},
        ),
        migrations.AddField(
            model_name='companyregistration',
            name='organisation_type',
            field=models.CharField(choices=[('company', 'Company'), ('nonprofit', 'Non-profit organisation'), ('academic', 'University or research institute'), ('other', 'Other organisation')], db_index=True, default='company', max_length=16, verbose_name='type of organisation'),
            preserve_default=False,
        ),
        migrations.AlterField(
            model_name='clusterworkspacepage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 14), ('live_figure', 17), ('year_figure', 23)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 255}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'Paragraph'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 255}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Or external URL', 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 64}), 14: ('wagtail.blocks.StructBlock', [[('text', 10), ('page', 11), ('url', 12), ('button_label', 13)]], {}), 15: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('participating_cities', 'Participating cities'), ('active_clusters', 'Active clusters'), ('partner_companies', 'Partner organisations'), ('countries', 'Countries represented'), ('forming_clusters', 'Clusters forming'), ('upcoming_events', 'Upcoming events'), ('case_studies', 'Best-practice case studies')], 'label': 'Figure'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the figure's name.", 'label': 'Caption', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('figure', 15), ('caption', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'As it should read, e.g. 120 or 1,200+.', 'label': 'Figure', 'max_length': 32}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'What it counts', 'max_length': 120}), 20: ('wagtail.blocks.IntegerBlock', (), {'label': 'Year', 'max_value': 2100, 'min_value': 1900}), 21: ('wagtail.blocks.URLBlock', (), {'label': 'Source link', 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown as the link, e.g. NIST. Leave empty to show "source".', 'label': 'Source name', 'max_length': 120, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('value', 18), ('label', 19), ('year', 20), ('source_url', 21), ('source_name', 22)]], {})}, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='companyregistration',
            name='company_name',
            field=models.CharField(max_length=255, verbose_name='organisation name'),
        ),
        migrations.AlterField(
            model_name='companyregistration',
            name='reference_projects',
            field=models.TextField(help_text='Cities or projects where your solution or expertise has been put to use.', max_length=5000, verbose_name='reference cities or projects'),
        ),
        migrations.AlterField(
            model_name='companyregistration',
            name='solution_description',
            field=models.TextField(help_text='What your solution, research or programme does and which problems of cities it helps with. At most 5,000 characters.', max_length=5000, verbose_name='solution description'),
        ),
        migrations.AlterField(
            model_name='companyregistration',
            name='solution_name',
            field=models.CharField(max_length=255, verbose_name='solution or expertise'),
        ),
        migrations.AlterField(
            model_name='eventpage',
            name='description',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 14), ('live_figure', 17), ('year_figure', 23)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 255}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'Paragraph'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 255}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Or external URL', 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 64}), 14: ('wagtail.blocks.StructBlock', [[('text', 10), ('page', 11), ('url', 12), ('button_label', 13)]], {}), 15: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('participating_cities', 'Participating cities'), ('active_clusters', 'Active clusters'), ('partner_companies', 'Partner organisations'), ('countries', 'Countries represented'), ('forming_clusters', 'Clusters forming'), ('upcoming_events', 'Upcoming events'), ('case_studies', 'Best-practice case studies')], 'label': 'Figure'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the figure's name.", 'label': 'Caption', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('figure', 15), ('caption', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'As it should read, e.g. 120 or 1,200+.', 'label': 'Figure', 'max_length': 32}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'What it counts', 'max_length': 120}), 20: ('wagtail.blocks.IntegerBlock', (), {'label': 'Year', 'max_value': 2100, 'min_value': 1900}), 21: ('wagtail.blocks.URLBlock', (), {'label': 'Source link', 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown as the link, e.g. NIST. Leave empty to show "source".', 'label': 'Source name', 'max_length': 120, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('value', 18), ('label', 19), ('year', 20), ('source_url', 21), ('source_name', 22)]], {})}, verbose_name='description'),
        ),
        migrations.AlterField(
            model_name='standardpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 14), ('live_figure', 17), ('year_figure', 23)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 255}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'Paragraph'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 255}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Or external URL', 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 64}), 14: ('wagtail.blocks.StructBlock', [[('text', 10), ('page', 11), ('url', 12), ('button_label', 13)]], {}), 15: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('participating_cities', 'Participating cities'), ('active_clusters', 'Active clusters'), ('partner_companies', 'Partner organisations'), ('countries', 'Countries represented'), ('forming_clusters', 'Clusters forming'), ('upcoming_events', 'Upcoming events'), ('case_studies', 'Best-practice case studies')], 'label': 'Figure'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the figure's name.", 'label': 'Caption', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('figure', 15), ('caption', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'As it should read, e.g. 120 or 1,200+.', 'label': 'Figure', 'max_length': 32}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'What it counts', 'max_length': 120}), 20: ('wagtail.blocks.IntegerBlock', (), {'label': 'Year', 'max_value': 2100, 'min_value': 1900}), 21: ('wagtail.blocks.URLBlock', (), {'label': 'Source link', 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown as the link, e.g. NIST. Leave empty to show "source".', 'label': 'Source name', 'max_length': 120, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('value', 18), ('label', 19), ('year', 20), ('source_url', 21), ('source_name', 22)]], {})}, verbose_name='body'),
        ),
        migrations.AlterField(
            model_name='thematicclusterpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 6), ('quote', 9), ('call_to_action', 14), ('live_figure', 17), ('year_figure', 23)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 255}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Heading 2'), ('h3', 'Heading 3'), ('h4', 'Heading 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link', 'document-link', 'ol', 'ul'], 'label': 'Paragraph'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'required': False}), 6: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5)]], {}), 7: ('wagtail.blocks.TextBlock', (), {'label': 'Quote'}), 8: ('wagtail.blocks.CharBlock', (), {'label': 'Attribution', 'required': False}), 9: ('wagtail.blocks.StructBlock', [[('text', 7), ('attribution', 8)]], {}), 10: ('wagtail.blocks.CharBlock', (), {'label': 'Text', 'max_length': 255}), 11: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 12: ('wagtail.blocks.URLBlock', (), {'label': 'Or external URL', 'required': False}), 13: ('wagtail.blocks.CharBlock', (), {'label': 'Button label', 'max_length': 64}), 14: ('wagtail.blocks.StructBlock', [[('text', 10), ('page', 11), ('url', 12), ('button_label', 13)]], {}), 15: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('participating_cities', 'Participating cities'), ('active_clusters', 'Active clusters'), ('partner_companies', 'Partner organisations'), ('countries', 'Countries represented'), ('forming_clusters', 'Clusters forming'), ('upcoming_events', 'Upcoming events'), ('case_studies', 'Best-practice case studies')], 'label': 'Figure'}), 16: ('wagtail.blocks.CharBlock', (), {'help_text': "Defaults to the figure's name.", 'label': 'Caption', 'required': False}), 17: ('wagtail.blocks.StructBlock', [[('figure', 15), ('caption', 16)]], {}), 18: ('wagtail.blocks.CharBlock', (), {'help_text': 'As it should read, e.g. 120 or 1,200+.', 'label': 'Figure', 'max_length': 32}), 19: ('wagtail.blocks.CharBlock', (), {'label': 'What it counts', 'max_length': 120}), 20: ('wagtail.blocks.IntegerBlock', (), {'label': 'Year', 'max_value': 2100, 'min_value': 1900}), 21: ('wagtail.blocks.URLBlock', (), {'label': 'Source link', 'required': False}), 22: ('wagtail.blocks.CharBlock', (), {'help_text': 'Shown as the link, e.g. NIST. Leave empty to show "source".', 'label': 'Source name', 'max_length': 120, 'required': False}), 23: ('wagtail.blocks.StructBlock', [[('value', 18), ('label', 19), ('year', 20), ('source_url', 21), ('source_name', 22)]], {})}, verbose_name='body'),
        ),
        migrations.RunPython(partner_form_moves, partner_form_moves_back),
    ]
