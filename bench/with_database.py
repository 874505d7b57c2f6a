"""Run one benchmark script on an empty PostgreSQL database of its own, then drop it.

Each script expects an empty database in BENCH_DATABASE_URL (it migrates it and loads the demo content). With
BENCH_POSTGRES (a server, e.g. ``postgres://postgres@127.0.0.1:5432``), ``make bench`` gives every script such a
database, named after the script and this process, and drops it afterwards, whatever the script's outcome; so
one command measures everything on PostgreSQL from a fresh clone. Without BENCH_POSTGRES the script runs as
it is (BENCH_DATABASE_URL if set, else a throwaway SQLite file).

    python bench/with_database.py bench/submission.py [arguments...]
"""

import os
import subprocess
import sys
import urllib.parse
from pathlib import Path


def _statement(server: str, sql: str) -> None:
    import psycopg

    maintenance = urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path="/postgres"))
    with psycopg.connect(maintenance, autocommit=True) as connection:
        connection.execute(sql)


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[-1].strip(), file=sys.stderr)
        return 2
    command = [sys.executable, *argv]
    server = os.environ.get("BENCH_POSTGRES", "").rstrip("/")
    if not server:
        return subprocess.call(command)  # noqa: S603 - a script of bench/, named by the Makefile
    database = f"bench_{Path(argv[0]).stem}_{os.getpid()}"
    _statement(server, f'CREATE DATABASE "{database}"')
    try:
        url = urllib.parse.urlunsplit(urllib.parse.urlsplit(server)._replace(path=f"/{database}"))
        return subprocess.call(command, env={**os.environ, "BENCH_DATABASE_URL": url})  # noqa: S603 - as above
    finally:
        _statement(server, f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
