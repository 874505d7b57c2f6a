"""The registrant cancels from their private link: a confirmation step, then the place goes to the next person."""

import pytest

from .conftest import state_of

pytestmark = pytest.mark.django_db


def cancel_path(token: str, language: str = "en") -> str:
    return f"/{language}/applications/status/{token}/cancel/"


@pytest.fixture
def holder_and_waiting(make_workshop, register):
    workshop = make_workshop(places=1)
    return register(workshop), register(workshop)


def test_the_status_page_offers_to_cancel(client, holder_and_waiting):
    holder, _waiting = holder_and_waiting

    html = client.get(f"/en/applications/status/{holder.token}/").content.decode()

    assert f'href="{cancel_path(holder.token)}"' in html
    assert "Cancel your registration" in html


def test_cancelling_asks_for_confirmation_first(client, holder_and_waiting):
    holder, _waiting = holder_and_waiting

    page = client.get(cancel_path(holder.token))
    unconfirmed = client.post(cancel_path(holder.token), {})

    assert "Your place goes to the first person waiting" in page.content.decode()
    assert "Tick the box to confirm that you want to cancel your registration." in unconfirmed.content.decode()
    assert state_of(holder.registration) == "confirmed"


def test_a_confirmed_cancellation_gives_the_place_to_the_person_waiting(client, holder_and_waiting):
    holder, waiting = holder_and_waiting

    response = client.post(cancel_path(holder.token), {"confirm": "on"}, follow=True)

    assert "Your registration is cancelled. Thank you for letting us know." in response.content.decode()
    assert [state_of(holder.registration), state_of(waiting.registration)] == ["cancelled", "confirmed"]
    assert "no-store" in response.headers["Cache-Control"]


def test_a_cancelled_registration_is_not_offered_to_cancel_again(client, holder_and_waiting):
    holder, _waiting = holder_and_waiting
    client.post(cancel_path(holder.token), {"confirm": "on"})

    response = client.get(cancel_path(holder.token), follow=True)

    assert "This registration can no longer be cancelled." in response.content.decode()
    assert cancel_path(holder.token) not in response.content.decode()


def test_the_cancellation_page_is_in_korean_for_a_korean_visitor(client, holder_and_waiting):
    holder, _waiting = holder_and_waiting

    html = client.get(cancel_path(holder.token, "ko")).content.decode()

    assert "등록 취소하기" in html


def test_a_wrong_link_finds_nothing(client, holder_and_waiting):
    assert client.get(cancel_path("not-a-real-token")).status_code == 404
