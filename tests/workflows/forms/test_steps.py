"""A form in steps: "Step" dividers among the editor's questions make one page per step, Back and Next keep every
answer (uploads too), errors show on their step, and a summary comes before sending."""

import pytest

from workflows.models import FormDraft, SubmittedFile

from ..testapp.models import ApplyFormField, MembershipApplication
from .conftest import FORM_URL, PDF_BYTES, upload

pytestmark = pytest.mark.django_db


@pytest.fixture
def stepped(apply_form):
    page = apply_form.page
    ApplyFormField.objects.create(
        page=page, label="Who you are", field_type="step", choices="About you", help_text="Tell us.", sort_order=0
    )
    ApplyFormField.objects.create(
        page=page, label="Your request", field_type="step", choices="Your request", sort_order=1
    )
    ApplyFormField.objects.create(page=page, label="Portfolio", field_type="file", required=True, sort_order=2)
    return apply_form


def step_data(apply_form, number: int, **overrides) -> dict:
    everything = apply_form.data(**overrides)
    names = {1: ("applicant_name", "applicant_email", "organisation"), 2: ("teams", "motivation", "portfolio")}[number]
    return {
        "wf_step": str(number - 1),
        "wf_action": "next",
        **{name: everything[name] for name in names if name in everything},
    }


def test_a_form_with_dividers_shows_its_first_step_with_the_progress(client, stepped):
    html = client.get(FORM_URL).content.decode()

    assert "Step 1 of 2: Who you are" in html
    assert 'name="applicant_name"' in html
    assert 'name="motivation"' not in html  # on step 2
    assert "Tell us." in html
    assert 'value="save"' in html  # "Save and continue later" on every step


def test_a_form_without_dividers_is_one_page_as_before(client, apply_form):
    html = client.get(FORM_URL).content.decode()

    assert 'name="applicant_name"' in html and 'name="motivation"' in html
    assert "Step 1 of" not in html


def test_next_keeps_the_answers_and_shows_the_next_step(client, stepped):
    response = client.post(FORM_URL, step_data(stepped, 1))

    assert response.status_code == 303
    html = client.get(FORM_URL).content.decode()
    assert "Step 2 of 2: Your request" in html
    draft = FormDraft.objects.get()
    assert draft.data["applicant_name"] == ["Sam Lee"]
    assert draft.step == 1


def test_errors_show_on_their_step_and_the_answers_stay(client, stepped):
    response = client.post(FORM_URL, step_data(stepped, 1, applicant_email="not an address"))

    html = response.content.decode()
    assert response.status_code == 200
    assert "Step 1 of 2" in html
    assert "There is a problem with your answers" in html
    assert 'value="Sam Lee"' in html
    assert "Choose at least" not in html  # the next step's problems wait for it


def test_back_keeps_what_was_typed_on_the_step_without_checking_it(client, stepped):
    client.post(FORM_URL, step_data(stepped, 1))
    client.post(FORM_URL, {"wf_step": "1", "wf_action": "back", "motivation": "Half a thought"})

    html = client.get(FORM_URL).content.decode()
    assert "Step 1 of 2" in html
    assert 'value="Sam Lee"' in html
    assert "Half a thought" in client.get(FORM_URL + "?step=2").content.decode()


def test_an_upload_is_kept_between_steps_and_sent_with_the_form(
    client, stepped, private_media, django_capture_on_commit_callbacks
):
    client.post(FORM_URL, step_data(stepped, 1))
    data = step_data(stepped, 2)
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)
    assert client.post(FORM_URL, data).status_code == 303

    summary = client.get(FORM_URL).content.decode()
    assert "Check your answers before sending" in summary
    assert "portfolio.pdf" in summary
    assert "Open Data" in summary  # a choice by its label

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(FORM_URL, {"wf_step": "2", "wf_action": "send"})

    assert response.status_code == 200
    application = MembershipApplication.objects.get()
    assert application.reference in response.content.decode()
    record = SubmittedFile.objects.get()
    assert (record.object_id, record.original_name) == (application.pk, "portfolio.pdf")
    assert record.file.read() == PDF_BYTES
    assert not FormDraft.objects.exists()
    assert [path.name for path in private_media.rglob("*.pdf")] == [record.file.name.rsplit("/", 1)[-1]]


def test_the_kept_upload_need_not_be_chosen_again(client, stepped):
    client.post(FORM_URL, step_data(stepped, 1))
    data = step_data(stepped, 2)
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)
    client.post(FORM_URL, data)

    client.post(FORM_URL, {**step_data(stepped, 2), "wf_action": "back"})
    response = client.post(FORM_URL, step_data(stepped, 2))  # no file this time

    assert response.status_code == 303
    assert "You uploaded “portfolio.pdf”" in client.get(FORM_URL + "?step=2").content.decode()


def test_a_step_not_reached_cannot_be_skipped_to(client, stepped):
    html = client.get(FORM_URL + "?step=3").content.decode()

    assert "Step 1 of 2" in html


def test_sending_checks_every_step_again(client, stepped):
    client.post(FORM_URL, step_data(stepped, 1))
    client.post(FORM_URL, step_data(stepped, 2))  # no portfolio: stays on step 2
    FormDraft.objects.update(step=2, furthest_step=2)  # as if a hand-made request skipped the check

    response = client.post(FORM_URL, {"wf_step": "2", "wf_action": "send"})

    assert "Step 2 of 2" in response.content.decode()
    assert not MembershipApplication.objects.exists()


def test_the_summary_links_back_to_each_step(client, stepped):
    client.post(FORM_URL, step_data(stepped, 1))
    data = step_data(stepped, 2)
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)
    client.post(FORM_URL, data)

    html = client.get(FORM_URL).content.decode()

    assert 'href="?step=1"' in html and 'href="?step=2"' in html
    assert "Step 1 of 2: Who you are" in client.get(FORM_URL + "?step=1").content.decode()


def test_the_whole_form_posted_at_once_is_sent_as_a_one_page_form_would_be(client, stepped):
    data = stepped.data()
    data["portfolio"] = upload("portfolio.pdf", PDF_BYTES)

    response = client.post(FORM_URL, data)  # e.g. a page opened before the editor added the steps

    assert response.status_code == 200
    assert MembershipApplication.objects.get().reference in response.content.decode()
    assert not FormDraft.objects.exists()
