"""The bulk-action footer offers only what the user may do, and asks before an action that grants or ends access."""

import re

from django.contrib.messages import get_messages

from workflows.models import ApplicationState

from .conftest import reload

S = ApplicationState


def bulk_menu(client, url) -> set[str]:
    """The actions in the listing's bulk-action footer, by transition name."""
    html = client.get(url).content.decode()
    footer = html[html.index("data-bulk-action-footer") :]
    return set(re.findall(r'data-bulk-transition="([a-z_]+)"', footer))


def test_a_reviewers_bulk_menu_offers_only_what_a_reviewer_may_do(client, reviewer, make_city_application, city_urls):
    for state in (S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE, S.REJECTED):
        make_city_application(state)
    client.force_login(reviewer)
    menu = bulk_menu(client, city_urls.index())
    assert menu == {"review", "request_changes", "reject"}
    assert not menu & {"activate", "assign", "end", "reopen"}


def test_a_coordinators_bulk_menu_offers_assigning_activating_ending_and_reopening(
    client, coordinator, make_city_application, city_urls
):
    make_city_application(S.SUBMITTED)
    client.force_login(coordinator)
    assert {"activate", "assign", "end", "reopen", "review"} <= bulk_menu(client, city_urls.index())


def test_each_rows_checkbox_carries_the_actions_offered_on_it(client, reviewer, make_city_application, city_urls):
    submitted = make_city_application(S.SUBMITTED)
    active = make_city_application(S.ACTIVE, city="Quito")
    client.force_login(reviewer)
    html = client.get(city_urls.index()).content.decode()
    offered = dict(re.findall(r'data-object-id="(\d+)" data-transitions="([a-z_ ]*)"', html))
    assert set(offered[str(submitted.pk)].split()) == {"review", "request_changes", "reject"}
    assert offered[str(active.pk)] == ""


def test_a_crafted_bulk_post_of_a_forbidden_action_changes_nothing_and_says_why(
    client, reviewer, make_city_application, city_urls
):
    rows = [make_city_application(S.ASSIGNED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(reviewer)
    response = client.post(city_urls.bulk("activate", *rows), {"seen": [f"{row.pk}:assigned" for row in rows]})
    assert {reload(row).state for row in rows} == {S.ASSIGNED}
    (refused,) = [str(message) for message in get_messages(response.wsgi_request)]
    assert "2 rows left unchanged" in refused
    assert refused.count("Your role does not allow “Activate” on this application.") == 2


def test_bulk_activation_shows_what_will_happen_before_anything_runs(
    client, coordinator, make_city_application, city_urls
):
    row = make_city_application(S.ASSIGNED, name="Kim Min-jun")
    client.force_login(coordinator)
    response = client.get(city_urls.bulk("activate", row))
    html = response.content.decode()
    assert 'id="workflow-confirmation"' in html and "What will happen:" in html
    assert "Kim Min-jun becomes a participant of “Smart Mobility”" in html
    assert reload(row).state == S.ASSIGNED
