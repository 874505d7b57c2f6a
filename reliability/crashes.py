"""c. A worker ``kill -9``-ed at each crash point of a send (see ``crash_worker``); then other workers recover:
every mail is delivered at least once, a second copy only with the same Message-ID, no task left RUNNING."""

import time

from .client import Client, Submission, submit
from .figures import Figures
from .forms import Form
from .outbox import delivery_figures, last_notification_id, running_send_tasks, wait_until_drained
from .stack import Stack

# Killed before the server accepted anything: sent once. Killed after it accepted (250 to DATA): sent twice.
DUPLICATES_ALLOWED = {"before-connect": 0, "after-data": 1, "before-commit": 1}


def run(stack: Stack, forms: dict[str, Form], *, points: list[str], recovery_timeout: float) -> list[Figures]:
    results = []
    for number, point in enumerate(points):
        figures = Figures(f"c. kill -9 {point}")
        wait_until_drained(since_id=0, timeout=recovery_timeout, until_idle=True)
        stack.stop_workers()
        since_id = last_notification_id()
        form = forms["city"]
        n = 900_000 + number
        submission = submit(
            Client(stack.base_url),
            Submission(n=n, kind=form.kind, via="api"),
            path=form.api_path,
            answers=form.answers(n, via="api"),
        )
        marker = stack.folder / f"crash-{point}"
        worker = stack.start_crash_worker(f"crash-{number}", point=point, marker=marker)
        deadline = time.monotonic() + 120
        while not marker.exists() and worker.alive() and time.monotonic() < deadline:
            time.sleep(0.1)
        reached = marker.exists()
        worker.kill_hard()
        stack.workers.remove(worker)
        killed_at = time.monotonic()
        stack.start_worker(f"after-crash-{number}-a")
        stack.start_worker(f"after-crash-{number}-b")  # these two go on into scenario e
        recovered_in = wait_until_drained(since_id=since_id, timeout=recovery_timeout, until_idle=True)
        figures.equal("submission accepted", bool(submission.reference), True)
        figures.equal("worker killed at the point", reached, True)
        delivery_figures(figures, stack.sink, since_id=since_id, duplicates_allowed=DUPLICATES_ALLOWED[point])
        figures.equal("tasks left RUNNING after recovery", running_send_tasks(), 0)
        figures.check(
            "recovered in (s, lease and stuck-task timers shortened)",
            recovered_in if recovered_in is not None else time.monotonic() - killed_at,
            f"< {recovery_timeout:.0f}",
            lambda _value, done=recovered_in: done is not None,
        )
        results.append(figures)
    return results
