"""The hostile corpus sent to every public HTML form: never a server error; refused, or stored exactly and
shown escaped."""

import pytest

from tests.site_forms.support import city_data, theme_data, upload
from workflows.models import Application, SubmittedFile

from .corpus import FILES, MALFORMED_ADDRESSES, OUT_OF_RANGE_DATES, TEXTS, XSS
from .targets import add_extra_questions, assert_refused_or_stored_exactly, text_fields, valid_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(forms):
    add_extra_questions(forms)
    return valid_data(forms)


@pytest.mark.parametrize(("text", "outcome"), TEXTS)
def test_every_text_question_of_every_form_refuses_or_keeps_hostile_text_exactly(client, pages, text, outcome):
    for page, data in pages.items():
        names = text_fields(page)
        response = client.post(page.url, {**data, **dict.fromkeys(names, text)})

        assert response.status_code < 500
        assert assert_refused_or_stored_exactly(page.submission_model, names, text) == outcome, page
        page.submission_model.objects.all().delete()


def test_a_body_that_is_not_utf8_is_not_a_server_error(client, forms):
    response = client.post(
        forms.theme.url,
        b"applicant_name=%ED%A0%80&applicant_email=sam%40x.example&why_it_matters=%FF%FE",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code < 500
    assert not Application.objects.exists()


@pytest.mark.parametrize("address", MALFORMED_ADDRESSES)
def test_a_malformed_address_is_refused_by_the_form_and_the_lost_link_page(client, forms, address):
    response = client.post(forms.theme.url, theme_data(applicant_email=address))

    assert response.status_code == 200
    assert 'id="id_applicant_email_error"' in response.content.decode()
    assert not Application.objects.exists()
    assert client.post("/en/applications/lost-link/", {"email": address}).status_code < 500


@pytest.mark.parametrize("day", OUT_OF_RANGE_DATES)
def test_an_out_of_range_date_is_refused(client, forms, pages, day):
    response = client.post(forms.city.url, city_data(forms, start_date=day, population=day))

    assert response.status_code == 200
    assert 'id="id_start_date_error"' in response.content.decode()
    assert not Application.objects.exists()


@pytest.mark.parametrize(("name", "content", "accepted"), FILES)
def test_hostile_files_are_refused_and_honest_ones_kept(client, forms, private_media, name, content, accepted):
    response = client.post(forms.city.url, city_data(forms, project_brief=upload(name, content)))

    assert response.status_code == 200
    assert SubmittedFile.objects.exists() is accepted
    assert Application.objects.exists() is accepted


def test_hostile_markup_is_stored_exactly_and_shown_escaped(client, forms, coordinator, pages):
    names = text_fields(forms.city)
    client.post(forms.city.url, {**pages[forms.city], **dict.fromkeys(names, XSS)})
    application = forms.city.submission_model.objects.get()
    assert application.project_title == XSS

    client.force_login(coordinator)
    html = client.get(f"/admin/applications/city-applications/inspect/{application.pk}/").content.decode()

    assert XSS not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
