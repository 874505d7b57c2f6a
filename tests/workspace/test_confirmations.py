"""Activating (access and an invitation), rejecting and ending open a step that says what will happen first."""

import re

import pytest

from workflows.models import ApplicationState, TransitionLog
from workflows.specs import spec_for

from .conftest import reload

S = ApplicationState


def posts_at_once(html, pk, name):
    """Whether the page posts transition ``name`` of row ``pk`` without a confirmation step."""
    url = rf"/transition/{pk}/{name}/"
    one_click_item = re.search(rf'data-w-action-url-value="[^"]*{url}', html)
    one_click_form = re.search(rf'<form method="post" action="[^"]*{url}"', html)
    return bool(one_click_item or one_click_form)


@pytest.mark.parametrize(("name", "state"), [("activate", S.ASSIGNED), ("reject", S.REVIEWED), ("end", S.ACTIVE)])
def test_access_granting_and_destructive_actions_declare_what_will_happen(name, state, make_city_application):
    spec = spec_for(make_city_application(state), name)
    assert spec.confirmation and spec.needs_form


def test_activate_is_never_one_click_in_the_listing_or_on_the_inspect_page(
    client, coordinator, make_city_application, city_urls
):
    application = make_city_application(S.ASSIGNED)
    client.force_login(coordinator)
    for page in (city_urls.index(), city_urls.inspect(application)):
        html = client.get(page).content.decode()
        assert f"/transition/{application.pk}/activate/" in html
        assert not posts_at_once(html, application.pk, "activate")


def test_the_activation_step_names_the_applicant_the_cluster_and_the_invitation(
    client, coordinator, make_city_application, city_urls
):
    application = make_city_application(S.ASSIGNED, name="Mari Tamm")
    client.force_login(coordinator)
    step = client.get(city_urls.transition(application, "activate"), {"state": "assigned"})
    html = step.content.decode()
    assert "What will happen:" in html
    assert "Mari Tamm becomes a participant of “Smart Mobility”" in html
    assert "e-mailed an invitation" in html
    assert reload(application).state == S.ASSIGNED
    assert not TransitionLog.objects.filter(object_id=application.pk).exists()

    client.post(city_urls.transition(application, "activate"), {"state": "assigned"})
    assert reload(application).state == S.ACTIVE
