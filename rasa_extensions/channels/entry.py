"""The gate every channel's messages pass before Rasa sees them (bot.entry.screen): one
place for redaction, the length limit, typed "/intents" and client metadata; and the last
word when a turn fails or hangs (the database or Redis down): both phone lines, within
AIDN_TURN_TIMEOUT seconds, never silence."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Awaitable, Callable, Collection, Coroutine
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from rasa.core.channels.channel import UserMessage

from bot.contacts import CONTACTS
from bot.entry import DEFAULT_MAX_CHARS, MESSAGE_TOO_LONG, screen
from bot.hours import CLOCK_METADATA_KEY

logger = logging.getLogger(__name__)
TECHNICAL_PROBLEM = "utter_technical_problem"  # both lines with their hours
DEFAULT_TURN_TIMEOUT = 30.0

DOMAIN = Path(__file__).resolve().parents[2] / "domain.yml"
# The widget opens a conversation with this intent.
WIDGET_PAYLOADS = frozenset({"/greet"})
# What a web client may put in a message's metadata; the rest is dropped at the gate.
WEB_METADATA = (CLOCK_METADATA_KEY,)

Handler = Callable[[UserMessage], Awaitable[Any]]
Turn = Callable[[UserMessage], Coroutine[Any, Any, Any]]  # what guarded() makes


@lru_cache(maxsize=1)
def allowed_payloads(domain: Path = DOMAIN) -> frozenset[str]:
    """The payloads of the assistant's own buttons, the widget's greeting and the gate's
    own intent: the only texts read as an intent."""
    responses = yaml.safe_load(domain.read_text(encoding="utf-8"))["responses"]
    return frozenset(
        button["payload"]
        for variants in responses.values()
        for variant in variants
        for button in variant.get("buttons") or []
    ) | {MESSAGE_TOO_LONG, *WIDGET_PAYLOADS}


def max_chars() -> int:
    return int(os.environ.get("AIDN_MAX_MESSAGE_CHARS", DEFAULT_MAX_CHARS))


def turn_timeout() -> float:
    return float(os.environ.get("AIDN_TURN_TIMEOUT", DEFAULT_TURN_TIMEOUT))


@lru_cache(maxsize=1)
def technical_problem_text(domain: Path = DOMAIN) -> str:
    """The domain's response for a technical problem, its contact facts filled in."""
    responses = yaml.safe_load(domain.read_text(encoding="utf-8"))["responses"]
    return str(responses[TECHNICAL_PROBLEM][0]["text"]).format(**CONTACTS.placeholders())


def guarded(on_new_message: Handler, keep_metadata: Collection[str] = WEB_METADATA) -> Turn:
    """`on_new_message` for screened messages, with only `keep_metadata` of the client's."""

    async def handle(message: UserMessage) -> Any:
        screened = screen(message.text, allowed_payloads(), max_chars())
        message.text = screened.text
        message.metadata = {
            key: value for key, value in (message.metadata or {}).items() if key in keep_metadata
        }
        try:
            return await asyncio.wait_for(on_new_message(message), turn_timeout())
        except Exception as failure:  # the stores, the model, a timeout: never silence
            logger.error(
                "Turn failed for sender %r (%s); sent both phone lines",
                message.sender_id,
                type(failure).__name__,
            )
            if message.output_channel is not None:
                await message.output_channel.send_text_message(
                    message.sender_id, technical_problem_text()
                )
            return None

    return handle
