"""The footer becomes a translatable snippet (step 2 of 3): each site's footer text and links, as an editor wrote
them in the site settings, move into a footer in the default language that the settings then choose."""

import json
import uuid

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant


def footer_from_settings(apps, schema_editor):
    SiteSettings = apps.get_model("cluster_pages", "SiteSettings")
    FooterLink = apps.get_model("cluster_pages", "FooterLink")
    Footer = apps.get_model("cluster_pages", "Footer")
    Locale = apps.get_model("wagtailcore", "Locale")
    locale = None
    for site_settings in SiteSettings.objects.filter(footer__isnull=True).order_by("pk"):
        links = FooterLink.objects.filter(settings=site_settings).order_by("sort_order", "pk")
        if not site_settings.footer_text and not links.exists():
            continue
        if locale is None:
            language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
            locale, _created = Locale.objects.get_or_create(language_code=language_code)
        stream = [
            {"type": "link", "value": {"page": link.page_id, "label": link.label}, "id": str(uuid.uuid4())}
            for link in links
        ]
        footer = Footer.objects.create(
            locale=locale, translation_key=uuid.uuid4(), text=site_settings.footer_text, links=json.dumps(stream)
        )
        site_settings.footer = footer
        site_settings.save(update_fields=["footer"])


def settings_from_footer(apps, schema_editor):
    SiteSettings = apps.get_model("cluster_pages", "SiteSettings")
    FooterLink = apps.get_model("cluster_pages", "FooterLink")
    for site_settings in SiteSettings.objects.filter(footer__isnull=False).select_related("footer"):
        footer = site_settings.footer
        site_settings.footer_text = footer.text
        site_settings.save(update_fields=["footer_text"])
        FooterLink.objects.filter(settings=site_settings).delete()
        for order, block in enumerate(footer.links.raw_data):
            if not block["value"].get("page"):
                continue
            FooterLink.objects.create(
                settings=site_settings,
                page_id=block["value"]["page"],
                label=block["value"].get("label") or "",
                sort_order=order,
            )


class Migration(migrations.Migration):
    dependencies = [("cluster_pages", "0020_footer_snippet")]

    operations = [migrations.RunPython(footer_from_settings, settings_from_footer)]
