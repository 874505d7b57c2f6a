"""Issue 21's journey on the demo Summit: a visitor registers for the 3-place session until it is full, the next
one joins the waiting list, a registrant cancels from the mail's link and the first person waiting is confirmed
and mailed, the reminder goes out, and the cluster's leader checks someone in on a 375 px screen. Then axe-core
on every new page and screen, in English and Korean, at 1280 and 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core import mail
from django.core.management import call_command
from playwright.sync_api import expect
from wagtail.models import Site

from cluster_pages.models import EventRegistration, EventSession
from home.demo.loader import demo_content_load
from home.demo.sessions import SMALL_SESSION_CLUSTER

from .axe_support import axe_violations, print_table
from .conftest import BROWSER
from .journeys import link_in_mail, mails_to, screenshot, sign_in_to_admin, site_at

pytestmark = BROWSER
SUMMIT = "/en/events/thematic-clusters-summit-2027/"
PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def demo(live_server):
    demo_content_load(with_accounts=True)
    site_at(Site.objects.get(is_default_site=True), live_server)
    small = EventSession.objects.get(cluster__slug=SMALL_SESSION_CLUSTER, page__locale__language_code="en")
    return small


def register(page, live_server, session, number: int, *, language="en") -> None:
    page.goto(f"{live_server.url}{SUMMIT.replace('/en/', f'/{language}/')}")
    page.locator(f"li.session-card:has(#session-{session.pk}) a.button").click()
    page.locator("#id_applicant_name").fill(f"Participant {number}")
    page.locator("#id_applicant_email").fill(f"participant{number}@city.example")
    page.locator("#id_organisation").fill("Smart City Bureau")
    page.locator("#id_role").fill("Policy officer")
    page.locator("#id_city").fill(["Seoul", "Busan", "Quezon City", "Lyon"][number % 4])
    page.locator("#id_country").select_option(["KR", "KR", "PH", "FR"][number % 4])
    page.locator("#id_consent_privacy").check()
    page.locator("main form [type=submit]").click()
    page.wait_for_load_state()


def test_registering_until_full_waiting_cancelling_promoting_reminding_and_checking_in(demo, live_server, page):
    small = demo
    page.set_default_timeout(60_000)
    for number in range(3):
        register(page, live_server, small, number)
        expect(page.get_by_role("heading", name="Your place is confirmed")).to_be_visible()
    page.goto(f"{live_server.url}{SUMMIT}")
    expect(page.locator(f"li.session-card:has(#session-{small.pk})")).to_contain_text("Full: join the waiting list")
    screenshot(page, "meetings-1-full")
    register(page, live_server, small, 3)
    expect(page.get_by_role("heading", name="You are on the waiting list")).to_be_visible()
    screenshot(page, "meetings-2-waiting")

    [confirmation] = mails_to("participant0@city.example")
    assert [name for name, _content, _type in confirmation.attachments] == ["session.ics"]
    page.goto(link_in_mail(confirmation, live_server, r"/applications/status/"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Registration")
    page.get_by_role("link", name="Cancel your registration").click()
    page.get_by_label("Yes, cancel my registration").check()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled")).to_be_visible()
    screenshot(page, "meetings-3-cancelled")
    assert EventRegistration.objects.get(applicant_email="participant3@city.example").state == "confirmed"
    [_waiting, promoted] = mails_to("participant3@city.example")
    assert "confirmed" in promoted.subject

    mail.outbox.clear()
    call_command("send_place_reminders", hours=24 * 366 * 3, verbosity=0)
    reminded = sorted(message.to[0] for message in mail.outbox)
    assert reminded == ["participant1@city.example", "participant2@city.example", "participant3@city.example"]

    page.set_viewport_size(PHONE)
    sign_in_to_admin(page, live_server, "leader", "leader-demo-2026")
    page.goto(f"{live_server.url}/admin/applications/check-in/?session={small.pk}")
    page.get_by_label("Name").fill("Participant 2")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="Mark Participant 2 attended").click()
    expect(page.get_by_text("Participant 2 is checked in.")).to_be_visible()
    screenshot(page, "meetings-4-checked-in-375")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert EventRegistration.objects.get(applicant_email="participant2@city.example").state == "attended"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_the_new_pages_and_screens_have_no_serious_axe_violation(demo, live_server, page, language):
    small = demo
    page.set_default_timeout(60_000)
    axe = Axe()
    report, failures = [], []

    def check(label):
        for size in (DESKTOP, {"width": 320, "height": 640}):
            page.set_viewport_size(size)
            counts, blocking, lesser, _excused = axe_violations(page, axe)
            report.append((f"{label} at {size['width']}", counts, lesser))
            failures.extend(f"{label} at {size['width']}: {line}" for line in blocking)
            if page.evaluate("document.documentElement.scrollWidth") > size["width"]:
                failures.append(f"{label} at {size['width']}: scrolls sideways")
        page.set_viewport_size(DESKTOP)

    prefix = f"{live_server.url}/{language}"
    page.goto(f"{prefix}/events/thematic-clusters-summit-2027/")
    check("event page with sessions")
    page.goto(f"{prefix}/events/thematic-clusters-summit-2027/sessions/{small.pk}/register/")
    check("registration form")
    page.locator("main form [type=submit]").click()
    check("registration form with errors")
    for number in range(4):
        register(page, live_server, small, number + (10 if language == "ko" else 0), language=language)
    check("on the waiting list")
    members = EventSession.objects.get(members_only=True, page__locale__language_code="en")
    page.goto(f"{prefix}/events/thematic-clusters-summit-2027/sessions/{members.pk}/register/")
    check("members only, signed out")
    [confirmation] = mails_to(f"participant{10 if language == 'ko' else 0}@city.example")[:1]
    page.goto(link_in_mail(confirmation, live_server, r"/applications/status/"))
    check("registration status page")
    if language == "en":  # the admin's language is the account's, not the URL's
        sign_in_to_admin(page, live_server, "coordinator", "coordinator-demo-2026")
        page.goto(f"{live_server.url}/admin/applications/event-registrations/")
        check("admin: event registrations")
        page.goto(f"{live_server.url}/admin/applications/check-in/?session={small.pk}")
        check("admin: check-in")

    print_table(report)
    assert not failures, "\n".join(failures)
