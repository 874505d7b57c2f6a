"""A real SMTP server (aiosmtpd) on 127.0.0.1 that can be stopped and started, and records every message."""

import email
import threading
import time
from dataclasses import dataclass

from aiosmtpd.controller import Controller


@dataclass(frozen=True)
class Received:
    message_id: str
    recipients: tuple[str, ...]
    subject: str
    at: float


class SmtpSink:
    """Accepts every message (``250`` to ``DATA``) and keeps its ``Message-ID``; refuses connections while down."""

    def __init__(self, *, port: int):
        self.port = port
        self._messages: list[Received] = []
        self._lock = threading.Lock()
        self._controller: Controller | None = None

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content)
        received = Received(
            message_id=str(message.get("Message-ID", "")).strip(),
            recipients=tuple(envelope.rcpt_tos),
            subject=str(message.get("Subject", "")),
            at=time.monotonic(),
        )
        with self._lock:
            self._messages.append(received)
        return "250 Message accepted for delivery"

    @property
    def up(self) -> bool:
        return self._controller is not None

    def start(self) -> None:
        if self._controller is None:
            controller = Controller(self, hostname="127.0.0.1", port=self.port, ready_timeout=30)
            controller.start()
            self._controller = controller

    def stop(self) -> None:
        if self._controller is not None:
            self._controller.stop()
            self._controller = None

    def messages(self) -> list[Received]:
        with self._lock:
            return list(self._messages)
