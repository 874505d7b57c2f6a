"""The workspace's own admin pages are headed by their own title, with a breadcrumb back home, never "Home"."""

import re

from workflows.models import ApplicationState

S = ApplicationState


def heading(html):
    return " ".join(re.sub(r"<[^>]+>", " ", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1)).split())


def test_the_state_diagram_page_is_headed_how_applications_move(client, reviewer):
    client.force_login(reviewer)
    html = client.get("/admin/applications/how-applications-move/").content.decode()
    assert heading(html) == "How applications move"
    assert "<title>How applications move" in html
    assert 'href="/admin/"' in html  # the breadcrumb home


def test_the_diagrams_list_names_each_action_by_its_label(client, reviewer):
    client.force_login(reviewer)
    html = client.get("/admin/applications/how-applications-move/").content.decode()
    assert re.search(r'<li data-edge="activate">Activate: Assigned → Active</li>', html)
    assert "<code>request_changes</code>" not in html


def test_a_transition_step_is_headed_by_its_action(client, coordinator, make_city_application, city_urls):
    application = make_city_application(S.ASSIGNED)
    client.force_login(coordinator)
    html = client.get(city_urls.transition(application, "activate"), {"state": "assigned"}).content.decode()
    assert heading(html).startswith("Activate")
