"""Korean translations of the demo's people, contacts and footer, made as an editor makes them: through
wagtail-localize (Snippets › …, "Translate", one Korean string per segment, then publish the translation)."""

from django.conf import settings
from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail.search.index import Indexed
from wagtail_localize.models import Translation, TranslationSource

from cluster_pages.models import Contact, Footer, Person

from .content.korean_snippets import KOREAN_SNIPPETS
from .korean import korean_strings_add

#: The snippets whose demo rows have Korean translations (before the pages: a cluster page's Korean translation
#: names its leader's Korean profile).
TRANSLATED_SNIPPETS = (Person, Contact, Footer)


def korean_snippet_translations_ensure(*, report) -> None:
    """Translate every default-language person, contact and footer into Korean once. A snippet already translated
    keeps every Korean string it has (an editor may have changed them); only segments with no Korean at all are
    filled in from ``KOREAN_SNIPPETS``, and the translation is saved again only then."""
    korean = Locale.objects.filter(language_code="ko").first()
    if korean is None:
        return
    for model in TRANSLATED_SNIPPETS:
        for snippet in model.objects.filter(locale__language_code=settings.LANGUAGE_CODE).order_by("pk"):
            source, _created = TranslationSource.get_or_create_from_instance(snippet)
            translation = Translation.objects.filter(source=source, target_locale=korean).first()
            created = translation is None
            if created:
                translation = Translation.objects.create(source=source, target_locale=korean)
            if korean_strings_add(source=source, locale=korean, words=KOREAN_SNIPPETS) or created:
                translation.save_target(publish=True)
            report.record(
                _("Korean translations of %(snippets)s") % {"snippets": model._meta.verbose_name_plural},
                created=created,
                # The translated people and contacts are found by the admin's search (the footer is not indexed).
                obj=snippet.get_translation_or_none(korean) if created and isinstance(snippet, Indexed) else None,
            )
