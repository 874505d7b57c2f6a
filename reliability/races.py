"""b. Two reviewers act on the same submitted application at the same moment: one marks it reviewed, the other
requests changes. Either alone is allowed from "submitted", and request_changes also from "reviewed", so only
``expected_state`` (API) or the state the page showed (admin) keeps the second from acting on a changed
application. Exactly one of the two must win each race."""

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from .client import Client
from .figures import Figures
from .outbox import query
from .stack import Stack

ADMIN_PREFIX = {"CA": "city-applications", "CR": "company-registrations"}
MESSAGE = "Please add the project's budget."
PARALLEL_RACES = 5


def _applications(references: list[str]) -> list[tuple[int, str]]:
    from workflows.models import Application

    return query(lambda: list(Application.objects.filter(reference__in=references).values_list("pk", "reference")))


def _winners(ids: list[int]) -> Counter:
    """Transitions out of "submitted" recorded per application (one per race when exactly one won)."""
    from workflows.models import TransitionLog

    rows = query(
        lambda: list(
            TransitionLog.objects.filter(
                object_id__in=ids, from_state="submitted", transition__in=("review", "request_changes")
            ).values_list("object_id", flat=True)
        )
    )
    return Counter(rows)


def _race(first, second) -> tuple:
    """Run both at the same instant; their answers' statuses."""
    barrier = threading.Barrier(2)
    results = [None, None]

    def go(index, action):
        barrier.wait()
        try:
            results[index] = action().status
        except OSError as error:
            results[index] = type(error).__name__

    threads = [threading.Thread(target=go, args=(i, action)) for i, action in enumerate((first, second))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return tuple(results)


def run(stack: Stack, *, references: list[str], races: int) -> Figures:
    figures = Figures("b. races")
    applications = _applications(references[: 2 * races])
    if len(applications) < 2 * races:
        raise RuntimeError(f"races need {2 * races} submitted applications, the load left {len(applications)}")
    api_targets, admin_targets = applications[:races], applications[races : 2 * races]
    reviewer_api = Client(stack.base_url, token=stack.api_token("reviewer"))
    coordinator_api = Client(stack.base_url, token=stack.api_token("coordinator"))
    reviewer_admin, coordinator_admin = Client(stack.base_url), Client(stack.base_url)
    reviewer_admin.admin_login("reviewer", "reviewer-demo-2026")
    coordinator_admin.admin_login("coordinator", "coordinator-demo-2026")

    def api_race(target):
        pk, _reference = target
        path = f"/api/v3/applications/{pk}/transitions"
        return _race(
            lambda: reviewer_api.request("POST", f"{path}/review/", json_body={"expected_state": "submitted"}),
            lambda: coordinator_api.request(
                "POST", f"{path}/request_changes/", json_body={"message": MESSAGE, "expected_state": "submitted"}
            ),
        )

    def admin_race(target):
        pk, reference = target
        path = f"/admin/applications/{ADMIN_PREFIX[reference[:2]]}/transition/{pk}"
        return _race(
            lambda: reviewer_admin.post_form(f"{path}/review/", {"state": "submitted"}),
            lambda: coordinator_admin.post_form(f"{path}/request_changes/", {"state": "submitted", "message": MESSAGE}),
        )

    with ThreadPoolExecutor(max_workers=PARALLEL_RACES) as pool:
        api_answers = list(pool.map(api_race, api_targets))
        admin_answers = list(pool.map(admin_race, admin_targets))

    for label, targets, answers, expected in (
        ("API (expected_state)", api_targets, api_answers, {200, 409}),
        ("admin (transition POST)", admin_targets, admin_answers, {302}),
    ):
        wins = _winners([pk for pk, _reference in targets])
        one_winner = sum(1 for pk, _reference in targets if wins[pk] == 1)
        figures.info(f"{label}: races", len(targets))
        figures.equal(f"{label}: races with exactly one winner", one_winner, len(targets))
        figures.equal(f"{label}: races with two winners", sum(1 for pk, _r in targets if wins[pk] > 1), 0)
        wanted = sorted(expected) * (3 - len(expected))  # one 200 and one 409, or two 302s
        unexpected = [pair for pair in answers if sorted(pair, key=str) != wanted]
        figures.equal(f"{label}: races not answered {' + '.join(map(str, wanted))}", len(unexpected), 0)
    return figures
