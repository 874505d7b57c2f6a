"""An editor's extra questions are translated with their form page: wagtail-localize offers their words to the
translator, and each language's form asks (and records) its own."""

import pytest
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, TranslationSource

from cluster_pages.models import CityApplication, CityApplicationFormField

from ..site_forms.support import city_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def city_form_with_question(forms):
    CityApplicationFormField.objects.create(
        page=forms.city, label="How did you hear about us?", field_type="singleline", required=True
    )
    forms.city.save_revision().publish()
    return forms


def test_the_extra_questions_words_are_offered_to_the_translator(city_form_with_question):
    source, _created = TranslationSource.get_or_create_from_instance(city_form_with_question.city)

    offered = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))

    assert "How did you hear about us?" in offered


def test_each_language_asks_its_own_words_and_the_answer_keeps_them(client, city_form_with_question):
    korean = Locale.objects.get(language_code="ko")
    english_page = city_form_with_question.city
    korean_page = english_page.copy_for_translation(korean, copy_parents=True)
    (question,) = korean_page.form_fields.all()
    assert question.locale == korean and question.translation_key == english_page.form_fields.get().translation_key
    question.label = "저희를 어떻게 알게 되셨나요?"
    question.save()
    korean_page.save_revision().publish()

    assert "저희를 어떻게 알게 되셨나요?" in client.get("/ko/join/city/").content.decode()
    assert "How did you hear about us?" in client.get("/en/join/city/").content.decode()

    data = city_data(city_form_with_question, how_did_you_hear_about_us="지인 추천")
    client.post("/ko/join/city/", data)

    application = CityApplication.objects.get()
    assert application.language == "ko" and application.form_page_id == korean_page.pk
    (answer,) = application.answers.values()
    assert answer["label"] == "저희를 어떻게 알게 되셨나요?" and answer["value"] == "지인 추천"
