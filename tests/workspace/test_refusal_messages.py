"""A refused action says why: not possible from the application's state, or not something the role may do."""

from django.contrib.messages import get_messages

from workflows.models import ApplicationState

from .conftest import reload

S = ApplicationState


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_an_action_the_role_may_do_but_the_state_forbids_names_the_state(
    client, coordinator, make_city_application, city_urls
):
    application = make_city_application(S.REJECTED)
    client.force_login(coordinator)
    response = client.post(city_urls.transition(application, "review"), {"state": "rejected"})
    (message,) = messages_of(response)
    assert "“Mark reviewed” is not possible while the application is “Rejected”." in message
    assert "permission" not in message and "role" not in message
    assert reload(application).state == S.REJECTED


def test_an_action_the_role_may_never_do_says_so(client, reviewer, make_city_application, city_urls):
    application = make_city_application(S.REVIEWED)
    client.force_login(reviewer)
    response = client.post(city_urls.transition(application, "assign"), {"state": "reviewed"})
    (message,) = messages_of(response)
    assert "Your role does not allow “Assign” on this application." in message
    assert reload(application).state == S.REVIEWED


def test_bulk_results_tell_each_refused_row_why(client, reviewer, make_city_application, city_urls):
    waiting = make_city_application(S.SUBMITTED)
    done = make_city_application(S.REJECTED, city="Lima")
    client.force_login(reviewer)
    response = client.post(
        city_urls.bulk("review", waiting, done), {"seen": [f"{waiting.pk}:submitted", f"{done.pk}:rejected"]}
    )
    success, refused = messages_of(response)
    assert waiting.reference in success
    assert f"{done.reference} — “Mark reviewed” is not possible while the application is “Rejected”." in refused
    assert reload(done).state == S.REJECTED
