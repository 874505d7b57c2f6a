"""Bulk actions: a confirmation step, then each confirmed row moves on its own; refused rows are reported
and left unchanged."""

from django.contrib.messages import get_messages

from workflows.models import ApplicationState, TransitionLog

from .conftest import reload

S = ApplicationState


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def seen(*rows):
    return [f"{row.pk}:{row.state}" for row in rows]


def test_mixed_selection_moves_the_allowed_rows_and_reports_the_others(
    client, reviewer, make_city_application, city_urls
):
    first = make_city_application(S.SUBMITTED, city="Seoul")
    second = make_city_application(S.SUBMITTED, city="Busan")
    already = make_city_application(S.REVIEWED, city="Lisbon")
    active = make_city_application(S.ACTIVE, city="Quito")
    rows = (first, second, already, active)
    client.force_login(reviewer)
    response = client.post(city_urls.bulk("review", *rows), {"seen": seen(*rows)})
    assert response.status_code == 302
    assert [reload(row).state for row in rows] == [S.REVIEWED, S.REVIEWED, S.REVIEWED, S.ACTIVE]
    messages = messages_of(response)
    assert any("2 rows done" in m for m in messages)
    refused = next(m for m in messages if "left unchanged" in m)
    assert "2 rows left unchanged" in refused
    assert already.reference in refused and active.reference in refused
    assert first.reference not in refused
    assert TransitionLog.objects.filter(object_id=already.pk).count() == 0


def test_the_confirmation_step_lists_the_rows_that_move_and_why_the_others_will_not(
    client, reviewer, make_city_application, city_urls
):
    waiting = make_city_application(S.SUBMITTED, city="Seoul")
    done = make_city_application(S.REJECTED, city="Lima")
    client.force_login(reviewer)
    response = client.get(city_urls.bulk("review", waiting, done))
    html = response.content.decode()
    assert response.status_code == 200
    assert waiting.reference in html
    assert "“Mark reviewed” is not possible while the application is “Rejected”." in html
    assert f'name="seen" value="{waiting.pk}:submitted"' in html
    assert f'name="seen" value="{done.pk}:rejected"' not in html
    assert reload(waiting).state == S.SUBMITTED


def test_bulk_with_a_missing_required_input_changes_nothing(client, reviewer, make_city_application, city_urls):
    rows = [make_city_application(S.SUBMITTED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(reviewer)
    response = client.post(city_urls.bulk("reject", *rows), {"seen": seen(*rows)})
    assert response.status_code == 400
    assert "Give the internal reason for rejecting the application." in response.content.decode()
    assert {reload(row).state for row in rows} == {S.SUBMITTED}


def test_bulk_rejection_gives_the_note_once_for_every_row(client, reviewer, make_city_application, city_urls):
    rows = [make_city_application(S.SUBMITTED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(reviewer)
    client.post(city_urls.bulk("reject", *rows), {"note": "Outside scope.", "seen": seen(*rows)})
    assert {reload(row).state for row in rows} == {S.REJECTED}
    assert set(TransitionLog.objects.filter(transition="reject").values_list("note", flat=True)) == {"Outside scope."}


def test_bulk_assignment_asks_for_the_target_once(client, coordinator, clusters, make_city_application, city_urls):
    rows = [make_city_application(S.REVIEWED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(coordinator)
    assert 'name="target"' in client.get(city_urls.bulk("assign", *rows)).content.decode()
    client.post(city_urls.bulk("assign", *rows), {"target": clusters.mobility.pk, "seen": seen(*rows)})
    assert {(reload(row).state, reload(row).assigned_to_id) for row in rows} == {(S.ASSIGNED, clusters.mobility.pk)}


def test_bulk_never_touches_rows_the_user_cannot_see(client, other_leader, make_city_application, city_urls):
    hidden = make_city_application(S.ASSIGNED)
    client.force_login(other_leader)
    response = client.post(city_urls.bulk("activate", hidden), {"seen": seen(hidden)})
    assert reload(hidden).state == S.ASSIGNED
    assert any("1 row left unchanged" in m for m in messages_of(response))
    assert hidden.reference not in client.get(city_urls.bulk("activate", hidden)).content.decode()


def test_bulk_reports_a_row_changed_since_the_page_was_shown(
    client, reviewer, coordinator, make_city_application, city_urls, move
):
    row = make_city_application(S.SUBMITTED)
    move(row, "review", coordinator)
    client.force_login(reviewer)
    response = client.post(city_urls.bulk("reject", row), {"note": "x", "seen": [f"{row.pk}:submitted"]})
    assert any("Someone else changed" in m for m in messages_of(response))
    assert reload(row).state == S.REVIEWED


def test_an_applicants_transition_is_no_bulk_action(client, coordinator, make_city_application, city_urls):
    row = make_city_application(S.SUBMITTED)
    client.force_login(coordinator)
    assert client.get(city_urls.bulk("withdraw", row)).status_code == 404
    assert client.get(city_urls.bulk("no_such_thing", row)).status_code == 404
