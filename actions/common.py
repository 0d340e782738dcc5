"""Helpers shared by the actions: the clock at the edge, and sending a bot.replies.Reply."""

from __future__ import annotations

import logging
import os
from datetime import datetime, timezone
from typing import Any

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import hours
from bot.replies import Reply

logger = logging.getLogger("actions")


CLOCK_FROM_METADATA = "AIDN_CLOCK_FROM_METADATA"


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
    return hours.parse_instant(metadata.get(hours.CLOCK_METADATA_KEY))


# Build this year's holiday table when the action server starts: the first lookup loads
# translations and takes about 200 ms, which the first user would otherwise wait for.
hours.public_holiday_name(utc_now().date())


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(response=reply.response, **reply.values)


def log(tracker: Tracker, message: str, *args: object) -> None:
    logger.info("[%s] " + message, tracker.sender_id, *args)


def _previous_turn(tracker: Tracker) -> list[dict[str, Any]]:
    """The events between the user's message before the latest one and the latest one."""
    users = [i for i, e in enumerate(tracker.events) if e.get("event") == "user"]
    return tracker.events[users[-2] + 1 : users[-1]] if len(users) >= 2 else []


def previous_turn_actions(tracker: Tracker) -> set[str]:
    """The actions the bot ran in answer to the user's message before the latest one."""
    return {str(e.get("name")) for e in _previous_turn(tracker) if e.get("event") == "action"}


def previous_turn_responses(tracker: Tracker) -> set[str]:
    """The responses the bot sent in answer to the user's message before the latest one."""
    return {
        str((e.get("metadata") or {}).get("utter_action"))
        for e in _previous_turn(tracker)
        if e.get("event") == "bot"
    }
