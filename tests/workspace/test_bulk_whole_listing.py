""" "Select all in the listing": ``id=all`` with the listing's query string selects every row the filtered listing
holds, over all its pages; the confirmation step states how many rows it will act on; the POST acts on the rows
confirmed and still refuses, row by row, those the user may not move, however the request was made."""

from urllib.parse import urlencode

import pytest
from django.contrib.messages import get_messages

from workflows.models import ApplicationState

from .conftest import reload

S = ApplicationState
PAGE = 25  # the listing's page size (SubmissionViewSet.list_per_page)


def whole_listing(city_urls, transition, **query):
    """The confirmation step's URL as Wagtail's footer builds it: the listing's query string, then id=all."""
    params = [*((key, value) for key, values in query.items() for value in _list(values)), ("id", "all")]
    return f"{city_urls.bulk(transition)}{urlencode(params)}"


def _list(value):
    return value if isinstance(value, list) else [value]


def seen(*rows):
    return [f"{row.pk}:{row.state}" for row in rows]


@pytest.fixture
def listing(make_city_application, clusters):
    """27 submitted rows (two pages), 2 reviewed and one active, one rejected."""
    return {
        "submitted": [make_city_application(S.SUBMITTED, city=f"City {n}") for n in range(PAGE + 2)],
        "reviewed": [make_city_application(S.REVIEWED, city=f"Reviewed {n}") for n in range(2)],
        "active": make_city_application(S.ACTIVE, city="Quito"),
        "rejected": make_city_application(S.REJECTED, city="Lima"),
    }


def test_the_listing_offers_select_all_with_the_filtered_count_and_the_actions_it_allows(
    client, reviewer, listing, city_urls
):
    client.force_login(reviewer)

    html = client.get(city_urls.index(), {"state": "submitted"}).content.decode()

    assert "data-bulk-action-num-objects-in-listing" in html
    assert 'data-count="27"' in html and 'data-pages="several"' in html
    assert "Select all 27 rows in the listing" in html
    # From "submitted" a reviewer may mark reviewed, request changes or reject; nothing else.
    assert 'data-transitions="review request_changes reject"' in html


def test_one_page_of_rows_offers_no_select_all_in_the_listing(client, reviewer, make_city_application, city_urls):
    make_city_application(S.SUBMITTED)
    client.force_login(reviewer)

    html = client.get(city_urls.index()).content.decode()

    assert 'data-pages="one"' in html
    assert 'data-count="1"' in html


def test_the_confirmation_states_the_number_and_the_filters_and_lists_every_filtered_row(
    client, reviewer, listing, city_urls
):
    client.force_login(reviewer)

    response = client.get(whole_listing(city_urls, "review", state=["submitted", "reviewed"]))

    html = response.content.decode()
    assert response.status_code == 200
    assert "You selected all 29 rows in the listing, over all its pages." in html
    assert "“Mark reviewed” will be done on 27 of them." in html
    assert "State: Submitted" in html and "State: Reviewed" in html
    assert "Mark reviewed (27 rows)" in html
    assert "Left unchanged: these 2 rows" in html
    for row in listing["submitted"]:
        assert f'name="seen" value="{row.pk}:submitted"' in html
    for row in (*listing["reviewed"], listing["active"], listing["rejected"]):
        assert f'name="seen" value="{row.pk}:' not in html
    assert listing["active"].reference not in html and listing["rejected"].reference not in html


def test_the_search_of_the_listing_narrows_the_whole_listing_too(client, reviewer, listing, city_urls):
    client.force_login(reviewer)

    html = client.get(whole_listing(city_urls, "review", q="City 1")).content.decode()

    # "City 1", "City 10" ... "City 19": 11 rows, all submitted.
    assert "“Mark reviewed” will be done on 11 of them." in html
    assert "Search: “City 1”" in html


def test_confirming_moves_every_filtered_row_over_all_pages(client, reviewer, listing, city_urls):
    client.force_login(reviewer)
    url = whole_listing(city_urls, "review", state="submitted")

    response = client.post(url, {"seen": seen(*listing["submitted"])})

    assert response.status_code == 302
    assert {reload(row).state for row in listing["submitted"]} == {S.REVIEWED}
    assert reload(listing["active"]).state == S.ACTIVE
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("Mark reviewed: 27 rows done" in message for message in messages)


def test_a_leader_selecting_the_whole_listing_sees_and_moves_only_their_clusters_rows(
    client, leader, other_leader, make_city_application, clusters, city_urls
):
    mine = [make_city_application(S.ASSIGNED, city=f"Mine {n}") for n in range(PAGE + 1)]
    theirs = make_city_application(S.ASSIGNED, city="Theirs", assigned_to=clusters.water)
    client.force_login(leader)

    html = client.get(whole_listing(city_urls, "activate")).content.decode()

    assert "You selected all 26 rows in the listing" in html and "Activate (26 rows)" in html
    assert all(row.reference in html for row in mine)
    assert theirs.reference not in html
    client.force_login(other_leader)
    assert "You selected the 1 row in the listing." in client.get(whole_listing(city_urls, "activate")).content.decode()


def test_a_crafted_post_of_the_whole_listing_still_refuses_rows_the_user_may_not_move(
    client, reviewer, leader, listing, make_city_application, clusters, city_urls
):
    """The POST acts only on the rows it names, each checked again: rows of another state, a leader's rows of
    a cluster they do not lead (not even visible to them), and made-up ids are refused and left unchanged."""
    water = make_city_application(S.ASSIGNED, city="Water city", assigned_to=clusters.water)
    assigned_mine = make_city_application(S.ASSIGNED, city="Mobility city")
    client.force_login(leader)
    crafted = [*seen(water, assigned_mine, listing["active"]), *seen(*listing["submitted"][:2]), "999999:assigned"]

    response = client.post(whole_listing(city_urls, "activate"), {"seen": crafted})

    assert response.status_code == 302
    assert reload(assigned_mine).state == S.ACTIVE
    assert reload(water).state == S.ASSIGNED
    assert {reload(row).state for row in listing["submitted"][:2]} == {S.SUBMITTED}
    refused = next(str(m) for m in get_messages(response.wsgi_request) if "left unchanged" in str(m))
    assert "5 rows left unchanged" in refused
    assert water.reference not in refused  # invisible to this leader: reported by number only
    assert "#999999 — Not found." in refused


def test_a_reviewer_cannot_activate_the_whole_listing_by_a_crafted_post(client, reviewer, listing, city_urls):
    client.force_login(reviewer)
    rows = [*listing["reviewed"], *listing["submitted"][:3]]

    response = client.post(whole_listing(city_urls, "activate"), {"seen": seen(*rows)})

    assert response.status_code == 302
    assert [reload(row).state for row in rows] == [row.state for row in rows]
    refused = next(str(m) for m in get_messages(response.wsgi_request) if "left unchanged" in str(m))
    assert "5 rows left unchanged" in refused
