"""Rasa's socketio channel for the help widget: the configured origins only, signed
session ids, and every message through the gate.

- Origins: Rasa 3.6 creates its Socket.IO server with CORS handling switched off, which
  accepts any web page. AIDN_ALLOWED_ORIGINS (space-separated; default: the help page on
  localhost) is applied to the server's Origin check instead.
- Sessions: Rasa takes the session id a client sends as the conversation's key, so any
  client that knows (or guesses from a shared screen) another session id joins that
  conversation and writes into it. Here the server issues "<id>.<signature>" (HMAC-SHA256
  with AIDN_SESSION_SECRET); a client that presents anything else gets a new session, and
  a message under an unsigned id is dropped. The conversation's key is the id part.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import os
import uuid
from typing import Any

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput, SocketIOOutput
from sanic import Blueprint

from rasa_extensions.channels.entry import Handler, guarded

logger = logging.getLogger(__name__)


def allowed_origins() -> list[str]:
    port = os.environ.get("AIDN_WEB_PORT", "8080")
    default = f"http://127.0.0.1:{port} http://localhost:{port}"
    return os.environ.get("AIDN_ALLOWED_ORIGINS", default).split()


def _signature(session: str, secret: bytes) -> str:
    return hmac.new(secret, session.encode(), hashlib.sha256).hexdigest()[:32]


def new_session_token(secret: bytes) -> str:
    session = uuid.uuid4().hex
    return f"{session}.{_signature(session, secret)}"


def verified_session(token: object, secret: bytes) -> str | None:
    """The session id a token signed by this server carries, else None."""
    if not isinstance(token, str) or token.count(".") != 1:
        return None
    session, signature = token.split(".")
    if len(session) != 32 or not hmac.compare_digest(signature, _signature(session, secret)):
        return None
    return session


def session_secret() -> bytes:
    secret = os.environ.get("AIDN_SESSION_SECRET", "")
    if len(secret) < 32:
        raise RuntimeError(
            "AIDN_SESSION_SECRET must be set to at least 32 characters (scripts/env.sh "
            "creates one in the var dir); every Rasa instance needs the same one."
        )
    return secret.encode()


class OriginCheckedSocketIOInput(SocketIOInput):
    def blueprint(self, on_new_message: Handler) -> Blueprint:
        handle = guarded(on_new_message)
        blueprint = super().blueprint(handle)
        sio, secret = self.sio, session_secret()
        assert sio is not None
        sio.eio.cors_allowed_origins = allowed_origins()

        async def session_request(sid: str, data: Any) -> None:
            token = data.get("session_id") if isinstance(data, dict) else None
            if verified_session(token, secret) is None:
                token = new_session_token(secret)
            session = verified_session(token, secret)
            if self.session_persistence:
                sio.enter_room(sid, session)
            await sio.emit("session_confirm", token, room=sid)

        async def user_message(sid: str, data: Any) -> None:
            if not isinstance(data, dict):
                return
            session = verified_session(data.get("session_id"), secret)
            if session is None:
                logger.warning("socketio: message under an unsigned session id dropped")
                return
            if not isinstance(data.get("message", ""), str):
                logger.warning("socketio: a message that is no text dropped")
                return
            metadata = data.get(self.metadata_key)
            message = UserMessage(
                data.get("message", ""),
                SocketIOOutput(sio, self.bot_message_evt),
                session,
                input_channel=self.name(),
                metadata=metadata if isinstance(metadata, dict) else {},
            )
            await handle(message)

        # Replace Rasa's handlers for these two events (python-socketio keeps one each).
        sio.on("session_request", session_request, namespace=self.namespace)
        sio.on(self.user_message_evt, user_message, namespace=self.namespace)
        return blueprint
