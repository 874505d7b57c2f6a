"""a. Load: N submissions from C clients with the SMTP server down for the first half, then up; the outbox drains."""

import threading
import time

from .figures import Figures
from .forms import Form
from .outbox import delivery_figures, last_notification_id, query, wait_until_drained
from .stack import Stack
from .traffic import application_count, submission_figures, submit_many


def run(stack: Stack, forms: dict[str, Form], *, submissions: int, clients: int, drain_timeout: float) -> tuple:
    """Returns the figures and the accepted references (the races use some of them)."""
    from django.core.management import call_command

    from workflows.models import Notification

    figures = Figures("a. load")
    since_id, rows_before = last_notification_id(), application_count()
    stack.sink.stop()
    half = submissions // 2
    sink_up_at = {}
    lock = threading.Lock()

    def on_answered(count: int) -> None:
        with lock:
            if count >= half and not stack.sink.up:
                stack.sink.start()
                sink_up_at["t"] = time.monotonic()
                # The documented step once the mail server is back: send what is backing off now.
                call_command("send_pending_notifications", now=True, verbosity=0)

    started = time.monotonic()
    answered = submit_many(stack.base_url, forms, range(submissions), clients=clients, on_answered=on_answered)
    submitted_in = time.monotonic() - started
    stack.sink.start()
    drained_in = wait_until_drained(since_id=since_id, timeout=drain_timeout)
    server_errors = sum(1 for s in answered for status in s.statuses if isinstance(status, int) and status >= 500)
    figures.info("clients at once", clients)
    accepted = submission_figures(figures, answered, rows_before=rows_before)
    figures.equal("answers 5xx", server_errors, 0)
    figures.info("submissions per second", len(answered) / submitted_in)
    tried_while_down = query(lambda: Notification.objects.filter(pk__gt=since_id, attempts__gt=1).count())
    figures.info("mails retried because the SMTP server was down", tried_while_down)
    delivery_figures(figures, stack.sink, since_id=since_id)
    figures.check(
        "time to drain after the last submission (s)",
        drained_in if drained_in is not None else "never",
        f"< {drain_timeout:.0f}",
        lambda value: value != "never",
    )
    return figures, accepted
