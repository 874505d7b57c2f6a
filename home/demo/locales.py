"""The Korean page tree: every English page also exists in Korean, as an alias until it is translated."""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import synchronize_tree


def locale_trees_sync(*, report) -> None:
    """Create each content language's locale, synchronised from the default language (as the migration
    does), and copy every page missing in a language there as an alias (wagtail-localize's synctree)."""
    source, _created = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    for language_code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        if language_code == source.language_code:
            continue
        locale, created = Locale.objects.get_or_create(language_code=language_code)
        report.record(_("locales"), created=created)
        if not LocaleSynchronization.objects.filter(locale=locale).exists():
            # bulk_create skips the model's save signal, which would synchronise before the call below.
            LocaleSynchronization.objects.bulk_create([LocaleSynchronization(locale=locale, sync_from=source)])
        before = Page.objects.filter(locale=locale).count()
        synchronize_tree(source, locale)
        added = Page.objects.filter(locale=locale).count() - before
        if added:
            report.created[_("pages copied to other languages (until translated)")] += added
