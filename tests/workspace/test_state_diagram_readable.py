"""The state diagram reads in words, left to right, at one scale for every machine, and shows where one
application is."""

import re

from cluster_pages.models import ThemeSuggestion
from workflows.diagram import state_machine_svg
from workflows.models import Application, ApplicationState

S = ApplicationState


def edge_labels(svg: str) -> set[str]:
    return set(re.findall(r'<g class="transition"[^>]*>.*?<text[^>]*>([^<]+)</text></g>', svg))


def boxes(svg: str) -> dict[str, tuple[float, float, float, float]]:
    found = re.findall(r'data-state="([a-z_]+)"[^>]*><rect x="([\d.]+)" y="([\d.]+)" width="(\d+)" height="(\d+)"', svg)
    return {state: tuple(float(value) for value in rest) for state, *rest in found}


def test_the_arrows_carry_the_actions_labels_not_their_names():
    svg = state_machine_svg(Application)
    assert {"Mark reviewed", "Request changes", "Assign", "Activate", "Reject", "End participation"} <= edge_labels(svg)
    assert not edge_labels(svg) & {"review", "request_changes", "activate", "end"}
    assert ">review<" not in svg and ">request_changes<" not in svg


def test_the_main_path_reads_left_to_right_in_one_row():
    placed = boxes(state_machine_svg(Application))
    main = [placed[state] for state in (S.SUBMITTED, S.REVIEWED, S.ASSIGNED, S.ACTIVE)]
    assert len({y for _x, y, _w, _h in main}) == 1
    assert [x for x, *_ in main] == sorted(x for x, *_ in main)
    for side in (S.CHANGES_REQUESTED, S.REJECTED, S.WITHDRAWN, S.ENDED):
        assert placed[side][1] != main[0][1]


def test_both_machines_are_drawn_at_the_same_scale():
    drawings = [state_machine_svg(Application), state_machine_svg(ThemeSuggestion)]
    font_sizes = {re.search(r'<svg [^>]*font-size="(\d+)"', svg).group(1) for svg in drawings}
    box_sizes = {(w, h) for svg in drawings for _x, _y, w, h in boxes(svg).values()}
    assert len(font_sizes) == 1 and int(font_sizes.pop()) >= 14
    assert len(box_sizes) == 1
    for svg in drawings:  # drawn at its own size, never stretched to another's
        width, height = re.search(r'viewBox="0 0 (\d+) (\d+)" width="(\d+)"', svg).group(1, 3)
        assert width == height


def test_the_help_page_draws_every_machine_with_labels_and_unique_ids(client, reviewer):
    client.force_login(reviewer)
    html = client.get("/admin/applications/how-applications-move/").content.decode()
    assert html.count('class="workflow-machine"') == 3  # applications, theme suggestions, event registrations
    assert ">Mark reviewed<" in html and ">Accept<" in html
    ids = re.findall(r' id="(fsm-[^"]+)"', html)
    assert len(ids) == len(set(ids))
    # Each drawing takes its share of the widest one's width, so both shrink by the same factor.
    shares = [float(share) for share in re.findall(r'<div style="width: ([\d.]+)%">', html)]
    assert shares[0] == 100.0 and all(0 < share <= 100.0 for share in shares[1:]) and min(shares) < 100.0


def test_the_inspect_page_highlights_the_applications_state(client, reviewer, make_city_application, city_urls):
    application = make_city_application(S.REVIEWED)
    client.force_login(reviewer)
    html = client.get(city_urls.inspect(application)).content.decode()
    current = re.findall(r'<g class="state state--current" data-state="([a-z_]+)" aria-current="true">', html)
    assert current == ["reviewed"]
    assert "Now: Reviewed." in html
