"""Bulk actions: each selected row moves on its own; refused rows are reported and left unchanged."""

from django.contrib.messages import get_messages

from workflows.models import ApplicationState, TransitionLog

from .conftest import reload

S = ApplicationState


def test_mixed_selection_moves_the_allowed_rows_and_reports_the_others(
    client, reviewer, make_city_application, city_urls
):
    first = make_city_application(S.SUBMITTED, city="Seoul")
    second = make_city_application(S.SUBMITTED, city="Busan")
    already = make_city_application(S.REVIEWED, city="Lisbon")
    active = make_city_application(S.ACTIVE, city="Quito")
    client.force_login(reviewer)
    response = client.post(
        city_urls.bulk(),
        {
            "transition": "review",
            "selection": [f"{row.pk}:{row.state}" for row in (first, second, already, active)],
        },
    )
    assert response.status_code == 302
    assert [reload(row).state for row in (first, second, already, active)] == [
        S.REVIEWED,
        S.REVIEWED,
        S.REVIEWED,
        S.ACTIVE,
    ]
    messages = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("2 rows done" in m for m in messages)
    refused = next(m for m in messages if "left unchanged" in m)
    assert "2 rows left unchanged" in refused
    assert already.reference in refused and active.reference in refused
    assert first.reference not in refused
    assert TransitionLog.objects.filter(object_id=already.pk).count() == 0


def test_bulk_with_a_missing_required_input_changes_nothing(client, reviewer, make_city_application, city_urls):
    rows = [make_city_application(S.SUBMITTED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(reviewer)
    response = client.post(
        city_urls.bulk(), {"transition": "reject", "selection": [f"{row.pk}:submitted" for row in rows]}
    )
    assert any("Nothing was changed" in str(m) for m in get_messages(response.wsgi_request))
    assert {reload(row).state for row in rows} == {S.SUBMITTED}


def test_bulk_rejection_gives_the_note_once_for_every_row(client, reviewer, make_city_application, city_urls):
    rows = [make_city_application(S.SUBMITTED, city=city) for city in ("Seoul", "Busan")]
    client.force_login(reviewer)
    client.post(
        city_urls.bulk(),
        {"transition": "reject", "note": "Outside scope.", "selection": [f"{row.pk}:submitted" for row in rows]},
    )
    assert {reload(row).state for row in rows} == {S.REJECTED}
    assert set(TransitionLog.objects.filter(transition="reject").values_list("note", flat=True)) == {"Outside scope."}


def test_bulk_never_touches_rows_the_user_cannot_see(client, other_leader, make_city_application, city_urls):
    hidden = make_city_application(S.ASSIGNED)
    client.force_login(other_leader)
    response = client.post(city_urls.bulk(), {"transition": "activate", "selection": [f"{hidden.pk}:assigned"]})
    assert reload(hidden).state == S.ASSIGNED
    assert any("1 row left unchanged" in str(m) for m in get_messages(response.wsgi_request))


def test_bulk_reports_a_row_changed_since_the_page_was_shown(
    client, reviewer, coordinator, make_city_application, city_urls, move
):
    row = make_city_application(S.SUBMITTED)
    move(row, "review", coordinator)
    client.force_login(reviewer)
    response = client.post(
        city_urls.bulk(), {"transition": "reject", "note": "x", "selection": [f"{row.pk}:submitted"]}
    )
    assert any("Someone else changed" in str(m) for m in get_messages(response.wsgi_request))
    assert reload(row).state == S.REVIEWED
