"""Every public form fits a 320 px wide phone without scrolling sideways, and every field in it is styled alike."""

import pytest

from cluster_pages.models import CityApplication, CityApplicationFormField
from workflows.models import ApplicationState
from workflows.tokens import token_generate, token_hash

from ..site_forms.support import build_forms
from .conftest import BROWSER

pytestmark = BROWSER

PHONE = {"width": 320, "height": 640}

# Every field must look like a text box: same border and corners as an <input type="text"> on the same page.
FIELD_PROBLEMS = """() => {
    const probe = document.createElement("input");
    probe.type = "text";
    document.querySelector("main").appendChild(probe);
    const look = (el) => {
        const style = getComputedStyle(el);
        return [style.borderTopStyle, style.borderTopWidth, style.borderTopColor, style.borderRadius].join(" ");
    };
    const expected = look(probe);
    probe.remove();
    const width = document.documentElement.clientWidth;
    const fields = document.querySelectorAll(
        "main input:not([type=hidden], [type=checkbox], [type=radio], [type=file]), main select, main textarea"
    );
    const problems = [];
    for (const field of fields) {
        if (field.closest(".wf-honeypot")) continue;
        const box = field.getBoundingClientRect();
        if (box.right > width + 0.5) problems.push(`${field.name} ends at ${box.right}px`);
        if (look(field) !== expected) problems.push(`${field.name} (${field.type}) looks like ${look(field)}`);
    }
    for (const element of document.querySelectorAll("main *")) {
        if (element.closest(".wf-honeypot")) continue;
        const right = element.getBoundingClientRect().right;
        if (right > width + 0.5) problems.push(`${element.tagName}.${element.className} ends at ${right}px`);
    }
    return {fields: fields.length, problems: problems};
}"""


@pytest.fixture
def forms(site_tree):
    forms = build_forms(site_tree)
    CityApplicationFormField.objects.create(
        page=forms.city,
        label="How did you hear about us?",
        field_type="dropdown",
        choices="A WeGO event\nA colleague in another city",
        required=False,
    )
    return forms


@pytest.fixture
def status_token(forms):
    """The status link's token of a city application the reviewers sent back for changes."""
    token = token_generate()
    application = CityApplication.objects.create(
        state=ApplicationState.CHANGES_REQUESTED,
        applicant_name="Kim Min-ji",
        applicant_email="minji@seoul.example",
        city="Seoul",
        country="KR",
        role="Director",
        organisation="Smart City Bureau",
        project_title="Mobility data platform",
        project_description="A shared platform for the city's mobility data, with a very long description.",
        project_status="concept",
        partners_sought="Universities",
        consent_privacy=True,
        form_page=forms.city,
        status_token_hash=token_hash(token),
        fingerprint="browser-small-screens",
    )
    application.clusters.set([forms.active_cluster])
    return token


FORMS = {
    "city": "/en/join/city/",
    "company": "/en/join/partner/",
    "theme": "/en/join/suggest-a-theme/",
    "lost-link": "/en/applications/lost-link/",
    "status-edit": "/en/applications/status/{token}/edit/",
    "withdraw": "/en/applications/status/{token}/withdraw/",
}


@pytest.mark.parametrize("path", FORMS.values(), ids=FORMS.keys())
def test_the_form_fits_a_320_px_screen_and_every_field_is_styled(status_token, live_server, page, path):
    page.set_viewport_size(PHONE)
    response = page.goto(live_server.url + path.format(token=status_token))
    assert response.status == 200

    scroll_width, client_width = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    report = page.evaluate(FIELD_PROBLEMS)

    assert scroll_width <= client_width
    assert report["problems"] == []
    assert report["fields"] >= (0 if "withdraw" in path else 1)
