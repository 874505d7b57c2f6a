import os

from django.core.management.base import CommandError
from django.utils.autoreload import DJANGO_AUTORELOAD_ENV, run_with_reloader
from django_tasks_db.management.commands.db_worker import Command as DatabaseWorkerCommand
from django_tasks_db.management.commands.db_worker import valid_interval

from workflows.worker import ReconnectingWorker


class Command(DatabaseWorkerCommand):
    help = (
        "Run the database task worker (mail), reconnecting with backoff when the database restarts "
        "instead of exiting like db_worker. Takes db_worker's options."
    )

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--reconnect-delay",
            default=1.0,
            type=valid_interval,
            help="Seconds to wait after losing the database, doubled on each failure (default: %(default)r).",
        )
        parser.add_argument(
            "--reconnect-max-delay",
            default=60.0,
            type=valid_interval,
            help="Longest wait between reconnection attempts, in seconds (default: %(default)r).",
        )

    def handle(self, *, verbosity, queue_name, exclude_queues, reload, batch, **options):
        self.configure_logging(verbosity)
        excluded = exclude_queues.split(",") if exclude_queues else []
        if excluded and "*" not in queue_name.split(","):
            raise CommandError("--exclude-queues can only be used with --queue-name=*")
        worker = ReconnectingWorker(
            queue_names=queue_name.split(","),
            excluded_queue_names=excluded,
            interval=options["interval"],
            batch=batch,
            backend_name=options["backend_name"],
            startup_delay=options["startup_delay"],
            max_tasks=options["max_tasks"],
            worker_id=options["worker_id"],
            reconnect_delay=options["reconnect_delay"],
            reconnect_max_delay=options["reconnect_max_delay"],
        )
        if reload and not batch:
            if os.environ.get(DJANGO_AUTORELOAD_ENV) == "true":
                worker.configure_signals()  # only in the reloader's child, as db_worker does
            run_with_reloader(worker.run)
        else:
            worker.configure_signals()
            worker.run()
