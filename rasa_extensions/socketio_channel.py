"""Rasa's socketio channel, accepting connections only from the configured origins.

Rasa 3.6 creates its Socket.IO server with CORS handling switched off, which accepts any
web page's origin. AIDN_ALLOWED_ORIGINS (space-separated; default: the help page on
localhost) is applied to the server's Origin check instead.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint


def allowed_origins() -> list[str]:
    port = os.environ.get("AIDN_WEB_PORT", "8080")
    default = f"http://127.0.0.1:{port} http://localhost:{port}"
    return os.environ.get("AIDN_ALLOWED_ORIGINS", default).split()


class OriginCheckedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        assert self.sio is not None
        self.sio.eio.cors_allowed_origins = allowed_origins()
        return blueprint
