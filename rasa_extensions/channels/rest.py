"""Rasa's REST channel behind the gate, refusing malformed requests with 400.

The sender id becomes the tracker's key and goes into log lines: it must be a short
string of safe characters (a newline in it would forge a log line), and no identity
number. The message must be a string. The text is screened here already, so that even
Rasa's own error log lines for this request carry no identity number.
"""

from __future__ import annotations

import re
from typing import Any

from rasa.core.channels.rest import RestInput
from sanic import Blueprint
from sanic.exceptions import InvalidUsage
from sanic.request import Request

from bot.entry import screen
from bot.privacy import find_national_ids
from rasa_extensions.channels.entry import Handler, allowed_payloads, guarded, max_chars

SENDER_ID = re.compile(r"[A-Za-z0-9_.:@+-]{1,128}")


def _body(request: Request) -> dict[str, Any]:
    body = request.json  # broken JSON: InvalidUsage, a 400
    if not isinstance(body, dict):
        raise InvalidUsage("The body must be a JSON object.")
    return body


class GuardedRestInput(RestInput):
    async def _extract_sender(self, req: Request) -> str:
        sender = _body(req).get("sender")
        if not isinstance(sender, str) or not SENDER_ID.fullmatch(sender):
            raise InvalidUsage("'sender' must be 1-128 letters, digits or _.:@+-")
        if find_national_ids(sender):  # the key of a stored conversation: never a person's
            raise InvalidUsage("'sender' must not be an identity number.")
        return sender

    def _extract_message(self, req: Request) -> str:
        message = _body(req).get("message", "")
        if not isinstance(message, str):
            raise InvalidUsage("'message' must be a string.")
        return screen(message, allowed_payloads(), max_chars()).text

    def get_metadata(self, request: Request) -> dict[str, Any]:
        metadata = _body(request).get("metadata")
        return metadata if isinstance(metadata, dict) else {}

    def blueprint(self, on_new_message: Handler) -> Blueprint:
        return super().blueprint(guarded(on_new_message))
