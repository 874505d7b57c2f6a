"""d. PostgreSQL restarts while applicants submit (``pg_ctlcluster <version> <cluster> restart``): the site
answers 503 meanwhile (``application/problem+json`` with ``Retry-After`` on the API) and recovers, clients
that retry lose nothing, and the workers reconnect and send every mail.

It restarts the whole local cluster: every database on it, other people's too, drops its connections.
"""

# ruff: noqa: S603, S607 - PostgreSQL's own cluster tools, by name as Debian installs them

import subprocess
import threading
import time
import urllib.parse

from .figures import Figures
from .forms import Form
from .outbox import delivery_figures, last_notification_id, wait_until_drained
from .stack import Stack
from .traffic import application_count, submission_figures, submit_many


def local_cluster(port: int) -> tuple[str, str]:
    """(version, name) of the local cluster on ``port``, from ``pg_lsclusters``."""
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        version, name, cluster_port, *_rest = line.split()
        if int(cluster_port) == port:
            return version, name
    raise RuntimeError(f"no local PostgreSQL cluster on port {port} (pg_lsclusters)")


def run(stack: Stack, forms: dict[str, Form], *, submissions: int, clients: int, drain_timeout: float) -> Figures:
    figures = Figures("d. PostgreSQL restart")
    version, name = local_cluster(urllib.parse.urlsplit(stack.database_url).port or 5432)
    wait_until_drained(since_id=0, timeout=drain_timeout, until_idle=True)
    workers = [worker for worker in stack.workers if worker.alive()]
    if len(workers) != 2:  # the two of scenario e, already polling, else two new ones
        stack.stop_workers()
        workers = [stack.start_worker("restart-1"), stack.start_worker("restart-2")]
        wait_until_drained(since_id=0, timeout=drain_timeout, until_idle=True)
    since_id, rows_before = last_notification_id(), application_count()
    restart = {}

    def restart_cluster() -> None:
        started = time.monotonic()
        result = subprocess.run(
            ["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"], capture_output=True, text=True
        )
        restart.update(returncode=result.returncode, seconds=time.monotonic() - started, output=result.stderr)

    restarter = threading.Thread(target=restart_cluster)

    def on_answered(count: int) -> None:
        if count == submissions // 3 and not restarter.is_alive() and not restart:
            restarter.start()

    answered = submit_many(
        stack.base_url,
        forms,
        range(700_000, 700_000 + submissions),
        clients=clients,
        retry_for=180,
        on_answered=on_answered,
    )
    restarter.join()
    drained_in = wait_until_drained(since_id=since_id, timeout=drain_timeout, until_idle=True)

    statuses = [status for s in answered for status in s.statuses]
    api_503 = sum(1 for s in answered if s.via == "api" for status in s.statuses if status == 503)
    figures.equal(f"pg_ctlcluster {version} {name} restart succeeded", restart.get("returncode"), 0)
    figures.info("restart took (s)", restart.get("seconds", 0.0))
    submission_figures(figures, answered, rows_before=rows_before)
    figures.info("answers 503 while the database was away", sum(1 for status in statuses if status == 503))
    figures.equal(
        "API 503s that were problem+json with Retry-After",
        sum(s.problem_json_503s for s in answered if s.via == "api"),
        api_503,
    )
    other_5xx = sum(1 for status in statuses if isinstance(status, int) and status >= 500 and status != 503)
    figures.equal("answers 5xx other than 503", other_5xx, 0)
    dropped = sum(1 for status in statuses if isinstance(status, str))
    figures.info("requests left unanswered (connection dropped), retried", dropped)
    figures.equal("workers still running", sum(worker.alive() for worker in workers), len(workers))
    reconnections = sum(worker.log.read_text(errors="replace").count("database unavailable") for worker in workers)
    figures.at_least("worker reconnection attempts logged", reconnections, 1)
    # A mail being sent at the moment of the restart may go twice (the same Message-ID), as after a crash.
    delivery_figures(figures, stack.sink, since_id=since_id, duplicates_allowed=len(workers))
    figures.info("drained after the restart in (s)", drained_in if drained_in is not None else "never")
    return figures
