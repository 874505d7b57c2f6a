"""Every public page and form state (each step of a form in steps, and its summary) passes axe-core with no
serious or critical violation, and fits 320 px, in
English and in Korean (the same pages under /ko/, each saying it is Korean: ``<html lang="ko">``).

One browser and one page visit every screen in turn (a browser per screen would take minutes); the test
prints a table of what axe found per screen, minor and moderate included, and fails listing every screen
that has a serious or critical violation or scrolls sideways on a phone.
"""

from collections import Counter
from types import SimpleNamespace

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.utils import translation
from playwright.sync_api import expect

from cluster_pages.models import CaseStudyPage, CityApplication, CityApplicationFormPage, EventPage, ThematicClusterPage
from home.demo.loader import demo_content_load
from workflows.models import ApplicationState
from workflows.tokens import token_generate, token_hash

from ..site_forms.support import city_data, company_data, theme_data
from .conftest import BROWSER

pytestmark = BROWSER

PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 800}
BLOCKING = ("serious", "critical")
IMPACTS = ("minor", "moderate", "serious", "critical")
# Each form's path, and valid answers given the first cluster it offers.
FORMS = {
    "city": ("/en/join/city/", lambda cluster: city_data(SimpleNamespace(active_cluster=cluster))),
    "company": ("/en/join/partner/", lambda cluster: company_data(SimpleNamespace(forming_cluster=cluster))),
    "theme": ("/en/join/suggest-a-theme/", lambda cluster: theme_data()),
}


def _status_token(*, state: str, email: str) -> str:
    """The status link's token of a city application in ``state``."""
    token = token_generate()
    application = CityApplication.objects.create(
        reference=f"CA-2026-{CityApplication.objects.count() + 1:06d}",
        state=state,
        applicant_name="Kim Min-ji",
        applicant_email=email,
        city="Seoul",
        country="KR",
        role="Director",
        organisation="Smart City Bureau",
        project_title="Mobility data platform",
        project_description="A shared platform for the city's mobility data.",
        project_status="concept",
        partners_sought="Universities",
        consent_privacy=True,
        form_page=CityApplicationFormPage.objects.get(slug="city", locale__language_code="en"),
        status_token_hash=token_hash(token),
        fingerprint=f"browser-accessibility-{state}",
    )
    application.clusters.set([ThematicClusterPage.objects.live().first()])
    return token


@pytest.fixture
def demo_site(db):
    """The demo site (without accounts or submissions) and the paths of one page of each kind."""
    demo_content_load(with_accounts=False)
    tokens = {state: _status_token(state=state, email=f"{state}@seoul.example") for state in ApplicationState.values}
    received, changes = tokens[ApplicationState.SUBMITTED], tokens[ApplicationState.CHANGES_REQUESTED]
    case_study = CaseStudyPage.objects.live().filter(locale__language_code="en").first()
    return {
        "home": "/en/",
        "cluster index": "/en/clusters/",
        "cluster": ThematicClusterPage.objects.live().filter(locale__language_code="en").first().url,
        "event index": "/en/events/",
        "event": EventPage.objects.live().filter(locale__language_code="en").first().url,
        "case-study index": "/en/case-studies/",
        "case-study index, filtered": f"/en/case-studies/?country={case_study.country}",
        "case study": case_study.url,
        "GCTC": "/en/gctc/",
        "join": "/en/join/",
        "privacy": "/en/privacy/",
        "accessibility statement": "/en/accessibility/",
        "contact": "/en/contact/",
        **{f"status, {state}": f"/en/applications/status/{token}/" for state, token in tokens.items()},
        "status, edit": f"/en/applications/status/{changes}/edit/",
        "status, withdraw": f"/en/applications/status/{received}/withdraw/",
        "lost-link": "/en/applications/lost-link/",
        "search, results": "/en/search/?query=mobility",
        "search, no results": "/en/search/?query=zzzqqq",
        "members' login": "/en/account/login/",
        "member directory": "/en/members/",
        "member directory, filtered": "/en/members/?type=city&q=zzz",
        "404": "/no-such-page/",
    }


def _fill(page, data: dict) -> None:
    """Answer a form field by field, finding each by its name as a browser user's answers would reach it."""
    for name, value in data.items():
        fields = page.locator(f"main [name='{name}']")
        if not fields.count():  # asked on another step of a form in steps
            continue
        kind = fields.first.get_attribute("type") or fields.first.evaluate("el => el.tagName.toLowerCase()")
        values = value if isinstance(value, list) else [value]
        if kind == "checkbox" and value == "on":
            fields.first.check()
        elif kind in ("checkbox", "radio"):
            for one in values:
                page.locator(f"main [name='{name}'][value='{one}']").check()
        elif kind == "select":
            fields.first.select_option(values)
        elif value:
            fields.first.fill(value)


def _offered_cluster(page) -> SimpleNamespace:
    choices = page.locator("main [name=clusters], main [name=themes]")
    return SimpleNamespace(pk=choices.first.get_attribute("value") if choices.count() else None)


def _submit(page) -> None:
    """The form's main button: Send, or Next on a step of a form in steps (before "Save and continue later")."""
    steps = page.locator("main form button[value=next], main form button[value=send]")
    (steps.first if steps.count() else page.locator("main form [type=submit]").last).click()
    page.wait_for_load_state()


def _is_a_step(page) -> bool:
    return page.locator("main .wf-steps").count() > 0


def _axe_violations(page, axe: Axe) -> tuple[Counter, list[str], list[str]]:
    """Counts of violations by impact, the serious and critical rules, and the rules of lesser impact."""
    results = axe.run(page).response
    assert results["passes"], f"axe checked nothing on {page.url}"
    violations = results["violations"]
    counts = Counter()
    blocking, lesser = [], []
    for violation in violations:
        nodes = len(violation["nodes"])
        counts[violation["impact"]] += nodes
        line = f"{violation['id']} x{nodes}: " + "; ".join(
            " ".join(node["target"][-1:]) if isinstance(node["target"][-1], str) else str(node["target"])
            for node in violation["nodes"][:3]
        )
        (blocking if violation["impact"] in BLOCKING else lesser).append(line)
    return counts, blocking, lesser


# The page's width at 320 px, and what sticks out past the screen's right edge when it is too wide.
OVERFLOW = """() => {
    const root = document.documentElement;
    const width = root.clientWidth;
    const wide = [...document.querySelectorAll("body *")]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5)
        .sort((a, b) => b.getBoundingClientRect().right - a.getBoundingClientRect().right)
        .slice(0, 3)
        .map((el) => {
            const right = Math.round(el.getBoundingClientRect().right);
            return `${el.tagName.toLowerCase()}.${el.className} ends at ${right}px`;
        });
    return {scroll: root.scrollWidth, client: width, wide: wide};
}"""


def _phone_overflow(page) -> str:
    found = page.evaluate(OVERFLOW)
    if found["scroll"] <= found["client"]:
        return ""
    return f"{found['scroll']}px wide at {found['client']}px: " + ", ".join(found["wide"])


def _in_language(path: str, language: str) -> str:
    """``path`` (an English page's, /en/..., or one outside the languages' prefixes) in ``language``."""
    if language == "en":
        return path
    return f"/{language}/{path.removeprefix('/en/').lstrip('/')}"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_every_public_page_and_form_state_has_no_serious_axe_violation_and_fits_320_px(
    demo_site, language, live_server, page
):
    axe = Axe()
    report, failures = [], []
    with translation.override(language):
        thank_you = translation.gettext("Thank you")

    def check(label: str) -> None:
        if language != "en" and page.locator("html").get_attribute("lang") != language:
            failures.append(f"{label}: <html lang> is not {language!r} at {page.url}")
        counts, blocking, lesser = _axe_violations(page, axe)
        page.set_viewport_size(PHONE)
        phone_counts, phone_blocking, phone_lesser = _axe_violations(page, axe)
        overflow = _phone_overflow(page)
        page.set_viewport_size(DESKTOP)
        report.append((label, counts + phone_counts, lesser + [f"at 320 px: {line}" for line in phone_lesser]))
        for line in blocking + [f"at 320 px: {line}" for line in phone_blocking]:
            failures.append(f"{label}: {line}")
        if overflow:
            failures.append(f"{label}: scrolls sideways at 320 px, {overflow}")

    page.set_viewport_size(DESKTOP)
    for label, path in demo_site.items():
        page.goto(live_server.url + _in_language(path, language))
        check(label)
    for kind, (path, answers) in FORMS.items():
        page.goto(live_server.url + _in_language(path, language))
        check(f"{kind} form, empty")
        _submit(page)
        expect(page.locator("#error-summary")).to_be_visible()
        check(f"{kind} form, with errors")
        _fill(page, answers(_offered_cluster(page)))
        _submit(page)
        for number in range(2, 10):  # a form in steps: each step, then the summary, then Send
            if not _is_a_step(page):
                break
            expect(page.locator("#error-summary")).to_have_count(0)
            summary = page.locator("main .wf-check").count() > 0
            check(f"{kind} form, summary" if summary else f"{kind} form, step {number}")
            if not summary:
                _fill(page, answers(_offered_cluster(page)))
            _submit(page)
        expect(page.locator("#error-summary")).to_have_count(0)
        expect(page.locator(".wf-thank-you")).to_contain_text(thank_you)
        check(f"{kind} form, thank-you")
    for label, path in (("lost-link", demo_site["lost-link"]), ("status, withdraw", demo_site["status, withdraw"])):
        page.goto(live_server.url + _in_language(path, language))
        _submit(page)
        expect(page.locator("#error-summary")).to_be_visible()
        check(f"{label} with errors")

    _print_table(report)
    assert failures == [], "\n".join(failures)


def _print_table(report) -> None:
    width = max(len(label) for label, _, _ in report)
    print(f"\n{'screen'.ljust(width)}  " + "  ".join(impact.rjust(8) for impact in IMPACTS))
    for label, counts, lesser in report:
        print(f"{label.ljust(width)}  " + "  ".join(str(counts[impact]).rjust(8) for impact in IMPACTS))
        for line in lesser:
            print(f"{''.ljust(width)}    {line}")
