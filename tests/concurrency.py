"""Racing two calls on PostgreSQL: the marks a race test needs, and a start-together helper."""

import threading

import pytest
from django.db import connection

# Races are decided by row locks (SELECT ... FOR UPDATE), which SQLite lacks; each thread commits for real.
POSTGRES_RACE = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the race is decided by row locks (SELECT ... FOR UPDATE), which SQLite lacks",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def run_at_once(*calls) -> list:
    """Start every call at the same moment from a barrier, each thread on its own connection.

    Returns, per call, what it returned or the exception it raised.
    """
    barrier = threading.Barrier(len(calls), timeout=30)
    outcomes = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait()
            outcomes[index] = call()
        except Exception as error:  # the caller's assertions judge it
            outcomes[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(index, call)) for index, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes
