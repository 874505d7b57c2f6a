"""A visitor in each language walks from the home page, by links only, to a cluster page, the events and the
case-study indexes and a search, and finds every event, case study and result once, and only in their language
(issue 26: the English cluster page listed each event twice, once in Korean; the Korean one listed none)."""

import pytest
from wagtail.models import Page

from home.demo.loader import demo_content_load

from .conftest import BROWSER

pytestmark = BROWSER

OTHER = {"en": "ko", "ko": "en"}
SEARCH_WORD = {"en": "mobility", "ko": "모빌리티"}
CARD_LINKS = "el => el.map(a => [a.textContent.trim(), a.getAttribute('href')])"


@pytest.fixture
def demo_site(db):
    demo_content_load(with_accounts=False)


def titles_only_in(language: str) -> set[str]:
    """Titles of pages in ``language`` that no page of the other language carries."""
    titles = set(Page.objects.filter(locale__language_code=language).values_list("title", flat=True))
    return titles - set(Page.objects.filter(locale__language_code=OTHER[language]).values_list("title", flat=True))


def listed(page, selector: str) -> list[tuple[str, str]]:
    links = page.locator(selector).evaluate_all(CARD_LINKS)
    assert links, f"nothing listed at {page.url} ({selector})"
    return [tuple(link) for link in links]


def assert_once_and_in(language: str, links: list[tuple[str, str]], where: str) -> None:
    titles = [title for title, _href in links]
    assert len(titles) == len(set(titles)), f"{where}: listed twice: {titles}"
    assert all(href.startswith(f"/{language}/") for _title, href in links), f"{where}: {links}"
    foreign = titles_only_in(OTHER[language])
    assert not [title for title in titles if title in foreign], f"{where}: in the other language: {titles}"


@pytest.mark.parametrize("language", ["en", "ko"])
def test_each_language_lists_each_item_once_and_only_in_that_language(demo_site, language, live_server, page):
    page.goto(f"{live_server.url}/{language}/")

    page.locator(f"nav.main-menu a[href='/{language}/clusters/']").click()
    page.locator(f"main a[href='/{language}/clusters/smart-mobility/']").first.click()
    page.wait_for_url(f"**/{language}/clusters/smart-mobility/")
    for section in ("events-heading", "case-studies-heading"):
        links = listed(page, f"section[aria-labelledby={section}] .card__title a")
        assert_once_and_in(language, links, f"cluster page, {section}")

    page.locator(f"nav.main-menu a[href='/{language}/events/']").click()
    page.wait_for_url(f"**/{language}/events/")
    assert_once_and_in(language, listed(page, "main .card--event .card__title a"), "events index")

    page.locator(f"nav.main-menu a[href='/{language}/case-studies/']").click()
    page.wait_for_url(f"**/{language}/case-studies/")
    assert_once_and_in(language, listed(page, "main .card--case-study .card__title a"), "case-study index")

    page.locator("#site-search-query").fill(SEARCH_WORD[language])
    page.locator("#site-search-query").press("Enter")
    page.wait_for_url(f"**/{language}/search/?query=*")
    assert_once_and_in(language, listed(page, "main .search-result__title a"), "search")
