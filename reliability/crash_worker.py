"""``python -m reliability.crash_worker <point> <marker file> run_worker ...``: the mail worker, stopped dead at
one crash point so the crash scenario can ``kill -9`` it exactly there.

The points are the ones ``tests/workflows/engine/test_mail_crash_recovery.py`` simulates in one process; here a
real worker process is killed at them:

- ``before-connect``: the lease is committed, the mail server not contacted yet (Django's SMTP backend ``open``);
- ``after-data``: the server answered ``250`` to ``DATA``, the session was never closed (``smtplib.SMTP.quit``);
- ``before-commit``: the mail is sent, its result not recorded yet (the delivery service's ``_finish``).

On reaching the point the worker writes the marker file and waits; nothing after the point runs.
"""

import sys
import time
from pathlib import Path

POINTS = ("before-connect", "after-data", "before-commit")


def main() -> None:
    point, marker, command = sys.argv[1], Path(sys.argv[2]), sys.argv[3:]
    if point not in POINTS:
        raise SystemExit(f"unknown crash point {point!r}; one of {', '.join(POINTS)}")
    import django

    django.setup()
    import smtplib

    from django.core.mail.backends.smtp import EmailBackend
    from django.core.management import call_command

    from workflows.services import delivery

    def halt(*args, **kwargs):
        marker.write_text(point)
        while True:
            time.sleep(60)

    if point == "before-connect":
        EmailBackend.open = halt
    elif point == "after-data":
        smtplib.SMTP.quit = halt
    else:
        delivery._finish = halt
    call_command(*command)


if __name__ == "__main__":
    main()
