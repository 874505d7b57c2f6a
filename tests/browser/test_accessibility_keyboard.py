"""Every public form can be completed with the keyboard alone, and every control shows where the focus is.

The test presses Tab, Shift+Tab, Space, Enter and the arrow keys only: no clicks, no filling by script. It
first sends the form empty, lands on the error summary, follows its first link to the field, then answers
every question in tab order and sends the form again.
"""

import pytest
from playwright.sync_api import expect

from cluster_pages.models import CityApplication, CompanyRegistration, ThemeSuggestion
from workflows.models import ApplicationState
from workflows.tokens import token_generate, token_hash

from ..site_forms.support import build_forms, city_data, company_data, theme_data
from .conftest import BROWSER

pytestmark = BROWSER

# What the focused element is, and whether something visible marks it: an outline or a box shadow.
FOCUSED = """() => {
    const el = document.activeElement;
    const style = getComputedStyle(el);
    const outlined = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
    return {
        tag: el.tagName.toLowerCase(),
        type: el.type || "",
        name: el.name || "",
        id: el.id,
        value: el.value ?? "",
        checked: !!el.checked,
        options: el.tagName === "SELECT" ? [...el.options].map((option) => option.value) : [],
        marked: outlined || style.boxShadow !== "none",
        inForm: !!el.closest("main form.wf-form"),
    };
}"""
MAX_TAB_STOPS = 120


def _focused(page) -> dict:
    focused = page.evaluate(FOCUSED)
    assert focused["marked"], f"no visible focus indicator on {focused['tag']} {focused['name'] or focused['id']}"
    return focused


def _is_send_button(focused: dict) -> bool:
    return focused["inForm"] and focused["type"] == "submit"


def _tab_into_the_form(page) -> dict:
    """Tab from the top of the page to the form's first control, checking the focus is visible on the way."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused["inForm"]:
            return focused
    raise AssertionError("the form cannot be reached with Tab")


def _answer(page, focused: dict, answers: dict) -> None:
    """Answer the focused control with keys only, if the answers hold a value for it."""
    name, kind = focused["name"], focused["type"]
    if name not in answers:
        return
    wanted = answers[name]
    if kind == "checkbox":
        ticks = wanted == "on" or focused["value"] in (wanted if isinstance(wanted, list) else [wanted])
        if ticks != focused["checked"]:
            page.keyboard.press("Space")
    elif kind == "radio":
        # A radio group is one tab stop; the arrow keys move through it and tick what they reach.
        if focused["value"] == wanted and not focused["checked"]:
            page.keyboard.press("Space")
        while _focused(page)["value"] != wanted:
            page.keyboard.press("ArrowDown")
    elif focused["tag"] == "select":
        target = focused["options"].index(wanted)
        page.keyboard.press("Home")
        for _ in range(target):
            page.keyboard.press("ArrowDown")
    else:
        page.keyboard.press("ControlOrMeta+A")
        page.keyboard.type(wanted)


def _answer_everything_and_send(page, answers: dict) -> None:
    """From the focused field (or the top of the page), answer every control in tab order and send the form."""
    focused = page.evaluate(FOCUSED)
    if not focused["inForm"]:
        focused = _tab_into_the_form(page)
    for _ in range(MAX_TAB_STOPS):
        if _is_send_button(focused):
            break
        _answer(page, focused, answers)
        page.keyboard.press("Tab")
        focused = _focused(page)
    else:
        raise AssertionError("no send button reached with Tab")
    # One step back and forward again: the order holds both ways.
    page.keyboard.press("Shift+Tab")
    assert not _is_send_button(_focused(page))
    page.keyboard.press("Tab")
    assert _is_send_button(_focused(page))
    page.keyboard.press("Enter")
    page.wait_for_load_state()


def _send_empty_and_follow_the_first_error(page) -> None:
    """Send the form unanswered, check focus lands on the error summary and its first link leads to the field."""
    for _ in range(MAX_TAB_STOPS):
        page.keyboard.press("Tab")
        if _is_send_button(_focused(page)):
            break
    page.keyboard.press("Enter")
    page.wait_for_load_state()

    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    page.keyboard.press("Tab")
    link = summary.get_by_role("link").first
    expect(link).to_be_focused()
    _focused(page)
    field_id = link.get_attribute("href").removeprefix("#")
    page.keyboard.press("Enter")
    expect(page.locator(f"[id='{field_id}']")).to_be_focused()


@pytest.fixture
def forms(site_tree):
    return build_forms(site_tree)


FORM_ANSWERS = {
    "city": (CityApplication, lambda forms: city_data(forms)),
    "company": (CompanyRegistration, lambda forms: company_data(forms)),
    "suggest-a-theme": (ThemeSuggestion, lambda forms: theme_data()),
}


@pytest.mark.parametrize("slug", FORM_ANSWERS)
def test_each_join_form_is_sent_with_the_keyboard_alone_and_every_control_shows_its_focus(
    forms, live_server, page, slug
):
    model, make_answers = FORM_ANSWERS[slug]
    page.goto(f"{live_server.url}/en/join/{slug}/")

    _send_empty_and_follow_the_first_error(page)
    _answer_everything_and_send(page, make_answers(forms))

    expect(page.locator(".wf-thank-you")).to_be_visible()
    assert model.objects.count() == 1


@pytest.fixture
def status_token(forms):
    token = token_generate()
    application = CityApplication.objects.create(
        reference=f"CA-2026-{CityApplication.objects.count() + 1:06d}",
        state=ApplicationState.SUBMITTED,
        applicant_name="Kim Min-ji",
        applicant_email="minji@seoul.example",
        city="Seoul",
        country="KR",
        role="Director",
        organisation="Smart City Bureau",
        project_title="Mobility data platform",
        project_description="A shared platform for the city's mobility data.",
        project_status="concept",
        partners_sought="Universities",
        consent_privacy=True,
        form_page=forms.city,
        status_token_hash=token_hash(token),
        fingerprint="browser-keyboard",
    )
    application.clusters.set([forms.active_cluster])
    return token


def test_withdraw_and_lost_link_are_completed_with_the_keyboard_alone(status_token, live_server, page, mailoutbox):
    page.goto(f"{live_server.url}/en/applications/status/{status_token}/withdraw/")
    _send_empty_and_follow_the_first_error(page)
    _answer_everything_and_send(page, {"confirm": "on"})

    expect(page.get_by_text("Withdrawn").first).to_be_visible()
    assert CityApplication.objects.get().state == ApplicationState.WITHDRAWN

    mails_before = len(mailoutbox)
    page.goto(f"{live_server.url}/en/applications/lost-link/")
    _send_empty_and_follow_the_first_error(page)
    _answer_everything_and_send(page, {"email": "minji@seoul.example"})

    expect(page.locator("#error-summary")).to_have_count(0)
    assert [mail.to for mail in mailoutbox[mails_before:]] == [["minji@seoul.example"]]
