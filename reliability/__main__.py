"""``python -m reliability``: load and fault scenarios against a production-like stack, with a figures table.

Builds its own PostgreSQL database (created, migrated, demo content loaded; dropped at the end), serves it with
gunicorn on 127.0.0.1 and production settings (``reliability/settings.py``), sends mail through
``manage.py run_worker`` processes to a real SMTP server (aiosmtpd) on 127.0.0.1, then runs:

  a. load: N submissions from C clients, SMTP down for the first half; the outbox drains; nothing lost
  b. races: R two-reviewer races through the staff API and R through the admin; exactly one winner each
  c. crash points: a worker kill -9'ed before connecting, after DATA was accepted, before the commit
  e. two workers at once, every mail queued twice: each sent exactly once
  d. (full mode only) a PostgreSQL restart during submissions, LAST

Exits 1 if a figure misses. Everything it started is stopped and the database dropped on exit.

WARNING: scenario d restarts the whole local PostgreSQL cluster (``pg_ctlcluster ... restart``): every
database on it, other people's included, loses its connections for a few seconds. Use --no-pg-restart on a
shared machine unless everyone agrees.
"""

import argparse
import signal
import sys
import time
import traceback

from .figures import Figure, table

MODES = {
    "full": {"submissions": 2000, "clients": 50, "races": 100, "crash_points": 3, "pair": 300, "pg_restart": True},
    "small": {"submissions": 300, "clients": 20, "races": 20, "crash_points": 1, "pair": 40, "pg_restart": False},
}


def arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m reliability", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--small", action="store_true", help="the CI version: 300 submissions, 20 races, one kill")
    parser.add_argument("--submissions", type=int, help="load: submissions (full 2000, small 300)")
    parser.add_argument("--clients", type=int, help="load: clients at once (full 50, small 20)")
    parser.add_argument("--races", type=int, help="races through the API, and as many through the admin")
    parser.add_argument("--pair-submissions", type=int, help="two workers: submissions (full 300, small 40)")
    parser.add_argument("--no-pg-restart", action="store_true", help="skip the PostgreSQL restart (scenario d)")
    parser.add_argument(
        "--postgres-url",
        default=None,
        help="the PostgreSQL server (a user allowed to create databases); default RELIABILITY_POSTGRES_URL or "
        "postgres://postgres@127.0.0.1:5432/postgres",
    )
    return parser.parse_args()


def _machine() -> str:
    """When and where: the figures depend on the machine and on what else it runs."""
    import datetime
    import os

    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return f"{now}, {os.cpu_count()} CPU cores, {memory:.0f} GB memory, load average {load}"


def _exit_on_signal(signum, _frame):
    raise SystemExit(128 + signum)


def main() -> int:
    import os

    args = arguments()
    mode = MODES["small" if args.small else "full"]
    submissions = args.submissions or mode["submissions"]
    clients = args.clients or mode["clients"]
    races = args.races if args.races is not None else mode["races"]
    pair = args.pair_submissions or mode["pair"]
    pg_restart = mode["pg_restart"] and not args.no_pg_restart
    from .crash_worker import POINTS

    points = list(POINTS) if mode["crash_points"] == 3 else ["after-data"]
    server_url = args.postgres_url or os.environ.get(
        "RELIABILITY_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/postgres"
    )
    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, _exit_on_signal)

    from .stack import Ports, Stack

    started = time.monotonic()
    rows: list[Figure] = []
    failed = False
    with Stack(ports=Ports.from_environment(), server_url=server_url) as stack:
        try:
            print(f"reliability: database {stack.database}, server {stack.base_url}, SMTP 127.0.0.1:{stack.ports.smtp}")
            print(f"  {_machine()}")
            setup_started = time.monotonic()
            stack.prepare_database()
            # gunicorn and the workers start (importing everything) while the demo content loads.
            stack.sink.start()
            stack.start_server()
            stack.start_worker("load-1")
            stack.start_worker("load-2")
            stack.load_demo_content()
            stack.wait_until_serving()
            print(f"  database migrated, demo content loaded, server up in {time.monotonic() - setup_started:.0f} s")
            _run_scenarios(stack, rows, submissions, clients, races, pair, points, pg_restart)
        except Exception:
            traceback.print_exc()
            failed = True
        if failed or not all(row.ok for row in rows):
            for process in stack.processes[-4:]:
                print(f"--- last lines of {process.name} ({process.log.name})\n{process.tail()}", file=sys.stderr)
    elapsed = time.monotonic() - started
    print(f"  at the end: {_machine()}")
    print()
    print(table(rows))
    print(f"\nTotal {elapsed:.0f} s; {'an error stopped the run' if failed else ''}", end="")
    missed = [row for row in rows if not row.ok]
    print(f"{len(missed)} figure(s) missed." if missed else ("" if failed else "every figure met."))
    return 1 if failed or missed else 0


def _run_scenarios(stack, rows: list[Figure], submissions, clients, races_count, pair, points, pg_restart) -> None:
    """Each scenario's figures are added to ``rows`` as it ends, so a later failure keeps them."""
    from . import crashes, load, races, restart, two_workers
    from .forms import discover
    from .outbox import wait_until_drained, wait_until_idle

    forms = discover(stack.base_url)
    drain = 900 if submissions > 500 else 300
    # Warm-up: gunicorn's processes have rendered the forms and the workers sent the demo content's mails.
    stack.warm_up(forms)
    if wait_until_drained(since_id=0, timeout=drain, until_idle=True) is None:
        raise RuntimeError("the workers did not send the demo content's mails")

    def step(title, function, *args, **kwargs):
        print(f"  {title} ...", flush=True)
        started = time.monotonic()
        result = function(*args, **kwargs)
        print(f"  {title}: {time.monotonic() - started:.0f} s", flush=True)
        return result

    figures, accepted = step(
        f"a. load ({submissions} submissions, {clients} clients)",
        load.run,
        stack,
        forms,
        submissions=submissions,
        clients=clients,
        drain_timeout=drain,
    )
    rows += figures.rows
    rows += step(
        f"b. races ({races_count} + {races_count})", races.run, stack, references=accepted, races=races_count
    ).rows
    for figures in step(
        f"c. crash points ({', '.join(points)})", crashes.run, stack, forms, points=points, recovery_timeout=120
    ):
        rows += figures.rows
    rows += step(
        f"e. two workers ({pair} submissions)",
        two_workers.run,
        stack,
        forms,
        submissions=pair,
        clients=clients,
        drain_timeout=drain,
    ).rows
    if pg_restart:
        rows += step(
            "d. PostgreSQL restart", restart.run, stack, forms, submissions=pair, clients=clients, drain_timeout=drain
        ).rows
    from .figures import Figures

    totals = Figures("run")
    totals.equal("tasks left RUNNING at the end", wait_until_idle(timeout=60), 0)
    rows += totals.rows


if __name__ == "__main__":
    sys.exit(main())
