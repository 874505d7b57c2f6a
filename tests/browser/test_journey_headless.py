"""Journey 5 (issue 14), headless: a static page of HTML and JavaScript (tests/browser/headless/), served by the
test at the live server's address (same origin: no CORS needed), renders the city form from
``GET /api/v3/workflow-forms/{id}/`` alone, sends it with a project brief through the API and shows the status the
status endpoint gives. The script knows no label or field of any form: the company form renders from the same code.
"""

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from cluster_pages.models import CityApplication
from workflows.api.forms import form_schema

from ..site_forms.support import PDF_BYTES, build_forms, private_media  # noqa: F401 - fixture
from .conftest import BROWSER
from .journeys import LAPTOP, screenshot

pytestmark = BROWSER
FRONT_END = Path(__file__).parent / "headless"
CONTENT_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


@pytest.fixture
def forms(site_tree):
    return build_forms(site_tree)


def serve_front_end(page, live_server) -> str:
    """Answer /headless-front-end/... at the live server's origin with the static files; return its address."""
    base = f"{live_server.url}/headless-front-end/"

    def fulfil(route):
        name = route.request.url.removeprefix(base).split("?")[0] or "index.html"
        path = FRONT_END / name
        if path.parent != FRONT_END or not path.is_file():
            route.fulfill(status=404, body="not found")
            return
        route.fulfill(status=200, body=path.read_bytes(), headers={"Content-Type": CONTENT_TYPES[path.suffix]})

    page.route(f"{base}**", fulfil)
    return base


LABELS = """fields => fields.map(
    (field) => field.querySelector("legend, label").textContent.replace(/ \\((required|optional)\\)$/, "")
)"""


def field_labels(page) -> list[str]:
    """The label of each field the front end rendered, without its "(required)" or "(optional)"."""
    return page.locator("#form [data-field]").evaluate_all(LABELS)


def test_a_static_front_end_renders_sends_and_follows_the_city_form_through_the_api(
    forms,
    private_media,  # noqa: F811 - the imported fixture
    live_server,
    page,
):
    page.set_viewport_size(LAPTOP)
    front_end = serve_front_end(page, live_server)

    # The same script renders another form from its schema: nothing in it is the city form's.
    page.goto(f"{front_end}?form={forms.company.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text(forms.company.title)
    assert field_labels(page) == [field["label"] for field in form_schema(forms.company.specific)["fields"]]

    page.goto(f"{front_end}?form={forms.city.pk}")
    expect(page.get_by_role("heading", level=1)).to_have_text(forms.city.title)
    assert field_labels(page) == [field["label"] for field in form_schema(forms.city.specific)["fields"]]
    screenshot(page, "5-01-headless-form")

    page.get_by_label(re.compile(r"^City \(")).fill("Seoul")
    page.get_by_label(re.compile(r"^Country \(")).select_option(label="South Korea")
    page.get_by_label(re.compile(r"^Department or organisation \(")).fill("Smart City Bureau")
    page.get_by_label(re.compile(r"^Contact person's full name \(")).fill("Kim Min-ji")
    page.get_by_label(re.compile(r"^Role \(")).fill("Director of Smart City Policy")
    page.get_by_label(re.compile(r"^E-mail \(")).fill("minji@seoul.example")
    page.get_by_role("checkbox", name="Smart Mobility").check()
    page.get_by_label(re.compile(r"^Project title \(")).fill("Mobility data platform")
    page.get_by_label(re.compile(r"^Project description \(")).fill("A shared platform for the city's mobility data.")
    page.get_by_role("radio", name="In development").check()
    page.get_by_label(re.compile(r"^Partners sought \(")).fill("Cities with open mobility data.")
    page.get_by_label(re.compile(r"^Project brief \(")).set_input_files(
        {"name": "mobility-brief.pdf", "mimeType": "application/pdf", "buffer": PDF_BYTES}
    )

    # Sent without the privacy consent: the API's problem document is shown, each error at its field.
    page.get_by_role("button", name="Send").click()
    problems = page.locator("#problems")
    expect(problems).to_be_focused()
    expect(page.locator("#field-consent_privacy-error")).not_to_be_empty()
    screenshot(page, "5-02-headless-problems")
    assert not CityApplication.objects.exists()

    page.get_by_label(re.compile(r"^I agree to the privacy notice")).check()
    page.get_by_role("button", name="Send").click()

    result = page.locator("#result")
    expect(result.get_by_text("Status: Received")).to_be_visible()
    application = CityApplication.objects.get()
    expect(result.get_by_role("heading")).to_have_text(f"Application {application.reference}")
    expect(result.get_by_text("mobility-brief.pdf (Project brief)")).to_be_visible()
    screenshot(page, "5-03-headless-status")
    assert [cluster.title for cluster in application.clusters.all()] == ["Smart Mobility"]
    assert application.project_status == "development"
    assert [file.original_name for file in application.files.all()] == ["mobility-brief.pdf"]
