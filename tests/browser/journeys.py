"""What the journey tests (tests/browser/test_journey_*.py) share: screenshots, the site at the live server's
address, signing in through the admin's login form, and following a link from a mail in the outbox.

Screenshots of each journey's key screens go to ``screenshots/journeys/`` at the repository's root (git-ignored),
one file per screen, named ``<journey>-<step>-<screen>.png``; a run overwrites the previous run's.
"""

import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.core import mail
from django.core.cache import cache
from playwright.sync_api import expect

from ..factories import TEST_PASSWORD

SCREENSHOTS = Path(settings.BASE_DIR) / "screenshots" / "journeys"
LAPTOP = {"width": 1280, "height": 900}
# The journeys run on busy shared machines: wait as long for an expectation as for an action (conftest's page).
expect.set_options(timeout=15_000)


def screenshot(page, name: str) -> None:
    """Save the whole page as ``screenshots/journeys/<name>.png``."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def site_at(site, live_server) -> None:
    """Give the default Site the live server's address, so the links in mails lead to it, as in production."""
    address = urlsplit(live_server.url)
    site.hostname, site.port = address.hostname, address.port
    site.save()
    cache.clear()  # Wagtail caches the site root paths with the old address.


def sign_in_to_admin(page, live_server, username: str, password: str = TEST_PASSWORD) -> None:
    """Open /admin/, which sends a visitor to its login form, and sign in there."""
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))


def another_person(page):
    """A page in a browser context of its own: another person, with their own cookies, at their own desk."""
    context = page.context.browser.new_context(locale="en-GB", viewport=LAPTOP, accept_downloads=True)
    other = context.new_page()
    other.set_default_timeout(15_000)
    return other


def mails_to(address: str) -> list:
    return [message for message in mail.outbox if address in message.to]


def link_in_mail(message, live_server, pattern: str) -> str:
    """The first link in ``message``'s text whose path matches ``pattern``; it must lead to the live server."""
    for url in re.findall(r"https?://\S+", message.body):
        if re.search(pattern, urlsplit(url).path):
            assert url.startswith(live_server.url), f"{url} does not lead to the site at {live_server.url}"
            return url
    raise AssertionError(f"no link matching {pattern!r} in “{message.subject}”:\n{message.body}")
