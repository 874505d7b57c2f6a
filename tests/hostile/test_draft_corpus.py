"""The hostile corpus against forms in steps and their drafts (HTML and API): never a server error; hostile
text kept exactly and shown escaped on the summary, hostile files refused at the step, hostile tokens not found."""

import pytest

from cluster_pages.models import CityApplicationFormField
from tests.site_forms.support import city_data, upload
from workflows.models import FormDraft, SubmittedFile

from .corpus import FILES, MALFORMED_ADDRESSES, TEXTS, XSS
from .test_api_corpus import HOSTILE_TOKENS

pytestmark = pytest.mark.django_db
STEP_ONE = ("applicant_name", "role", "applicant_email", "phone")
STEP_TWO = ("city", "country", "organisation")


@pytest.fixture
def stepped(forms):
    for order, (title, sections) in enumerate(
        [("About you", "Contact person"), ("Your city", "Your city"), ("Your project", "Your project")]
    ):
        CityApplicationFormField.objects.create(
            page=forms.city, label=title, field_type="step", choices=sections, sort_order=order
        )
    return forms


def post_step(client, forms, number, names, **overrides):
    data = city_data(forms, **overrides)
    return client.post(
        forms.city.url, {"wf_step": str(number), "wf_action": "next", **{name: data[name] for name in names}}
    )


@pytest.mark.parametrize(("text", "outcome"), TEXTS)
def test_hostile_text_on_a_step_is_refused_or_kept_exactly(client, stepped, text, outcome):
    response = post_step(client, stepped, 0, STEP_ONE, applicant_name=text, role=text)

    assert response.status_code < 500
    assert (response.status_code == 303) is (outcome == "stored")
    if outcome == "stored":
        assert FormDraft.objects.get().data["role"] == [text]


def test_hostile_markup_is_shown_escaped_on_the_summary(client, stepped):
    post_step(client, stepped, 0, STEP_ONE, role=XSS)
    post_step(client, stepped, 1, STEP_TWO, organisation=XSS)
    data = city_data(stepped)
    project = {name: value for name, value in data.items() if name not in STEP_ONE + STEP_TWO}
    client.post(stepped.city.url, {"wf_step": "2", "wf_action": "next", **project})

    html = client.get(stepped.city.url).content.decode()

    assert "Check your answers before sending" in html
    assert XSS not in html
    assert "&lt;script&gt;" in html


@pytest.mark.parametrize(("name", "content", "accepted"), FILES)
def test_hostile_files_are_refused_at_their_step(client, stepped, private_media, name, content, accepted):
    post_step(client, stepped, 0, STEP_ONE)
    post_step(client, stepped, 1, STEP_TWO)
    data = {name_: value for name_, value in city_data(stepped).items() if name_ not in STEP_ONE + STEP_TWO}
    data["project_brief"] = upload(name, content)

    response = client.post(stepped.city.url, {"wf_step": "2", "wf_action": "next", **data})

    assert response.status_code < 500
    assert SubmittedFile.objects.exists() is accepted


@pytest.mark.parametrize("step", ["-1", "999", "abc", "", "1e9", "٣"])
@pytest.mark.parametrize("action", ["next", "back", "save", "send", "<script>", ""])
def test_odd_steps_and_actions_are_not_server_errors(client, stepped, step, action):
    response = client.post(stepped.city.url, {"wf_step": step, "wf_action": action, "applicant_name": "Kim"})

    assert response.status_code < 500
    assert client.get(f"{stepped.city.url}?step={step}").status_code == 200


@pytest.mark.parametrize("address", MALFORMED_ADDRESSES)
def test_a_malformed_address_is_refused_by_save_and_continue_later(client, stepped, address):
    post_step(client, stepped, 0, STEP_ONE)

    response = client.post(stepped.city.url, {"wf_action": "save-email", "email": address})

    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()
    assert FormDraft.objects.get().token_hash == ""


@pytest.mark.parametrize("token", HOSTILE_TOKENS)
def test_hostile_draft_tokens_are_not_found(client, anonymous, db, token):
    assert client.get(f"/en/applications/draft/{token}/").status_code in (404, 429)
    assert anonymous.get(f"workflow-forms/drafts/{token}/").status_code in (404, 429)
    assert anonymous.post(f"workflow-forms/drafts/{token}/submissions/").status_code in (404, 429)
