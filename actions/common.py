"""Helpers shared by the actions: the clock at the edge, and sending a bot.replies.Reply."""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import hours
from bot.replies import Reply

logger = logging.getLogger("actions")


CLOCK_FROM_METADATA, CLOCK_KEY = "AIDN_CLOCK_FROM_METADATA", "aidn_clock"


def utc_now(tracker: Tracker | None = None) -> datetime:
    """The only place the actions read the clock; bot.* converts to Europe/Oslo.

    Under the conversation suite and tests only (AIDN_CLOCK_FROM_METADATA=1, never set in
    production), the metadata of the user's latest message may fix it:
    {"aidn_clock": "2026-11-25T02:30:00+00:00"}.
    """
    if tracker is not None and os.environ.get(CLOCK_FROM_METADATA) == "1":
        fixed = _clock_in_metadata(tracker)
        if fixed is not None:
            return fixed
    return datetime.now(timezone.utc)


def _clock_in_metadata(tracker: Tracker) -> datetime | None:
    user_events = [e for e in tracker.events if e.get("event") == "user"]
    metadata = (user_events[-1].get("metadata") or {}) if user_events else {}
    return hours.parse_instant(metadata.get(CLOCK_KEY))


# Build this year's holiday table when the action server starts: the first lookup loads
# translations and takes about 200 ms, which the first user would otherwise wait for.
hours.public_holiday_name(utc_now().date())


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(response=reply.response, **reply.values)


def log(tracker: Tracker, message: str, *args: object) -> None:
    logger.info("[%s] " + message, tracker.sender_id, *args)
