"""The city application in three steps (About you, Your city, Your project): "Step" dividers among its questions,
with a letter of support to upload on the city's step, added to a site loaded before forms had steps too, and
their Korean words in the page's translation."""

from django.utils.translation import gettext as _
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from cluster_pages.models import CityApplicationFormField

from .korean import KOREAN, korean_strings_add
from .pages import page_publish

#: (title, the form's fixed sections on the step, by heading)
CITY_STEPS = (
    ("About you", "Contact person"),
    ("Your city", "Your city"),
    ("Your project", "Your project\nConsent"),
)

LETTER_OF_SUPPORT = {
    "label": "Letter of support from your city",
    "help_text": "Optional: a letter from the mayor's office or the department backing the application.",
}


def city_form_steps_ensure(*, page, report) -> None:
    """Put the step dividers before the city form's own questions, unless it has steps already (an editor's)."""
    if page.form_fields.filter(field_type="step").exists():
        report.record(_("form steps"), created=False)
        return
    questions = list(page.form_fields.order_by("sort_order"))
    new = [
        CityApplicationFormField(page=page, label=title, field_type="step", choices=sections, required=False)
        for title, sections in CITY_STEPS
    ]
    new.insert(2, CityApplicationFormField(page=page, field_type="file", required=False, **LETTER_OF_SUPPORT))
    for order, question in enumerate(new):
        question.sort_order = order
        question.save()
    for order, question in enumerate(questions, start=len(new)):
        question.sort_order = order
        question.save(update_fields=["sort_order"])
    page_publish(page=page)
    report.record(_("form steps"), created=True)
    korean = Locale.objects.filter(language_code="ko").first()
    source = TranslationSource.objects.filter(object_id=page.translation_key, locale=page.locale).first()
    if korean is None or source is None:
        return  # the Korean translation, made later in this load, takes the steps with the rest
    source.update_from_db()
    korean_strings_add(source=source, locale=korean, words=KOREAN)
    translation = source.translations.filter(target_locale=korean).first()
    if translation is not None:
        translation.save_target(publish=True)
