"""What a run stands on: its own PostgreSQL database (created, migrated, demo content loaded, dropped at the
end), gunicorn on 127.0.0.1, ``manage.py run_worker`` processes and the SMTP sink, with production settings."""

# ruff: noqa: S603 - runs this interpreter (manage.py, gunicorn), never outside input

import contextlib
import io
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from .client import CONNECTION_ERRORS, Client
from .sink import SmtpSink

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Ports:
    web: int
    smtp: int

    @classmethod
    def from_environment(cls) -> "Ports":
        return cls(
            web=int(os.environ.get("RELIABILITY_WEB_PORT") or free_port()),
            smtp=int(os.environ.get("RELIABILITY_SMTP_PORT") or free_port()),
        )


class Process:
    """A child in its own session, its output in a log file; stopped by its own id (and its group's)."""

    def __init__(self, name: str, command: list[str], *, env: dict, log: Path, worker_id: str = ""):
        self.name = name
        self.worker_id = worker_id
        self.log = log
        self._log_file = log.open("ab")
        self.popen = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=self._log_file, stderr=subprocess.STDOUT, start_new_session=True
        )

    @property
    def pid(self) -> int:
        return self.popen.pid

    def alive(self) -> bool:
        return self.popen.poll() is None

    def kill_hard(self) -> None:
        """``kill -9`` of this process alone, as a crash would."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self.pid, signal.SIGKILL)
        self.popen.wait(timeout=30)

    def stop(self, timeout: float = 20) -> None:
        if self.alive():
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.pid, signal.SIGTERM)
            try:
                self.popen.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(self.pid, signal.SIGKILL)
                self.popen.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # anything the process left in its group
            os.killpg(self.pid, signal.SIGKILL)
        self._log_file.close()

    def tail(self, lines: int = 15) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return ""


class Stack:
    """The database, server, workers and sink of one run. Use as a context manager: everything it started is
    stopped and the database dropped on the way out, also after a failure or Ctrl-C."""

    def __init__(self, *, ports: Ports, server_url: str, gunicorn_workers: int = 2, gunicorn_threads: int = 8):
        self.ports = ports
        self.server_url = server_url.rstrip("/")
        self.database = os.environ.get("RELIABILITY_DATABASE") or f"reliability_{os.getpid()}_{secrets.token_hex(3)}"
        self.folder = Path(tempfile.mkdtemp(prefix="reliability-"))
        self.gunicorn_workers = gunicorn_workers
        self.gunicorn_threads = gunicorn_threads
        self.processes: list[Process] = []
        self.workers: list[Process] = []
        self.server: Process | None = None
        self.sink = SmtpSink(port=ports.smtp)
        self.database_created = False
        self.base_url = f"http://127.0.0.1:{ports.web}"
        parsed = urllib.parse.urlsplit(self.server_url)
        self.database_url = urllib.parse.urlunsplit(parsed._replace(path=f"/{self.database}"))
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "reliability.settings",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "DATABASE_URL": self.database_url,
            "SECURE_SSL_REDIRECT": "0",
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(ports.smtp),
            "EMAIL_TIMEOUT": "5",
            "WAGTAILADMIN_BASE_URL": self.base_url,
            # Thousands of submissions come from one address; the limit itself is tested elsewhere.
            "WORKFLOW_FORMS_RATE_LIMIT": "1000000/h",
            # The admin race signs two staff members in with a password: with the second factor required (every
            # role that reads applicants' data), both would stop at its set-up page and the race would not run.
            # The second factor itself is tested in tests/two_factor and the browser tests.
            "STAFF_2FA_REQUIRED": "0",
            "MEDIA_ROOT": str(self.folder / "media"),
            "PRIVATE_MEDIA_ROOT": str(self.folder / "private_media"),
            "LOG_LEVEL": "INFO",
            "PYTHONUNBUFFERED": "1",
        }

    # -- lifecycle ---------------------------------------------------------------------------------------

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        for process in self.processes:  # all asked at once, then each waited for
            with contextlib.suppress(ProcessLookupError):
                if process.alive():
                    os.killpg(process.pid, signal.SIGTERM)
        for process in reversed(self.processes):
            with contextlib.suppress(Exception):
                process.stop(timeout=10)
        with contextlib.suppress(Exception):
            self.sink.stop()
        with contextlib.suppress(Exception):
            from django.db import connections

            connections.close_all()
        if self.database_created:
            self._psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self.database_created = False
        shutil.rmtree(self.folder, ignore_errors=True)

    def _psql(self, sql: str) -> None:
        """One statement on the server's maintenance database (CREATE/DROP DATABASE cannot run in a transaction)."""
        import psycopg

        admin_url = urllib.parse.urlunsplit(urllib.parse.urlsplit(self.server_url)._replace(path="/postgres"))
        deadline = time.monotonic() + 60
        while True:
            try:
                with psycopg.connect(admin_url, autocommit=True) as connection:
                    connection.execute(sql)
                return
            except psycopg.OperationalError:  # e.g. the server restarting (scenario d)
                if time.monotonic() > deadline:
                    raise
                time.sleep(1)

    # -- the database --------------------------------------------------------------------------------------

    def prepare_database(self) -> None:
        """Create the database, migrate it and set up Django in this process (the demo content comes next)."""
        self._psql(f'CREATE DATABASE "{self.database}"')
        self.database_created = True
        # This process's own sessions (setup, checks) need not wait for the disk at each commit.
        os.environ.update({**self.env, "LOG_LEVEL": "WARNING", "PGOPTIONS": "-c synchronous_commit=off"})
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", interactive=False, verbosity=0)
        call_command("createcachetable", verbosity=0)

    def load_demo_content(self) -> None:
        """The demo site with its accounts (their passwords are public: a throwaway database only)."""
        from django.core.management import call_command

        call_command("load_initial_data", with_demo_accounts=True, stdout=io.StringIO())

    def api_token(self, username: str) -> str:
        from django.core.management import call_command

        out = io.StringIO()
        call_command("api_tokens", "create", user=username, name="reliability run", stdout=out)
        return out.getvalue().strip().split()[-1]

    # -- processes -------------------------------------------------------------------------------------------

    def start(self, name: str, command: list[str], *, worker_id: str = "") -> Process:
        process = Process(name, command, env=self.env, log=self.folder / f"{name}.log", worker_id=worker_id)
        self.processes.append(process)
        return process

    def start_server(self) -> None:
        """gunicorn with threads (production's WSGI server); ``wait_until_serving`` once the content is there."""
        self.server = self.start(
            "gunicorn",
            [
                sys.executable,
                "-m",
                "gunicorn",
                "cms.wsgi",
                "--bind",
                f"127.0.0.1:{self.ports.web}",
                "--workers",
                str(self.gunicorn_workers),
                "--worker-class",
                "gthread",
                "--threads",
                str(self.gunicorn_threads),
                "--timeout",
                "120",
                "--graceful-timeout",
                "5",
            ],
        )

    def wait_until_serving(self) -> None:
        deadline = time.monotonic() + 180
        while time.monotonic() < deadline:
            with contextlib.suppress(*CONNECTION_ERRORS):
                if Client(self.base_url, timeout=10).request("GET", "/api/v3/workflow-forms/").status == 200:
                    return
            if not self.server.alive():
                break
            time.sleep(0.5)
        raise RuntimeError(f"gunicorn did not start:\n{self.server.tail()}")

    def worker_command(self, worker_id: str) -> list[str]:
        return [
            "run_worker",
            "--queue-name",
            "*",
            "--interval",
            "0.2",
            "--no-startup-delay",
            "--no-reload",
            "--worker-id",
            worker_id,
        ]

    def start_worker(self, worker_id: str) -> Process:
        command = [sys.executable, "manage.py", *self.worker_command(worker_id)]
        worker = self.start(f"worker-{worker_id}", command, worker_id=worker_id)
        self.workers.append(worker)
        return worker

    def start_crash_worker(self, worker_id: str, *, point: str, marker: Path) -> Process:
        command = [sys.executable, "-m", "reliability.crash_worker", point, str(marker)]
        worker = self.start(f"worker-{worker_id}", [*command, *self.worker_command(worker_id)], worker_id=worker_id)
        self.workers.append(worker)
        return worker

    def stop_workers(self) -> None:
        for worker in self.workers:
            worker.stop()
        self.workers = []

    def warm_up(self, forms) -> None:
        """Each gunicorn process renders the forms once, so the first applicants do not wait for imports."""
        client = Client(self.base_url)
        for _round in range(2 * self.gunicorn_workers):
            for form in forms.values():
                client.request("GET", form.url_path)
