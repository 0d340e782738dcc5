"""Helpers shared by the actions: the clock at the edge, and sending a bot.replies.Reply."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot import hours
from bot.replies import Reply

logger = logging.getLogger("actions")


def utc_now() -> datetime:
    """The only place the actions read the clock; bot.* converts to Europe/Oslo."""
    return datetime.now(timezone.utc)


# Build this year's holiday table when the action server starts: the first lookup loads
# translations and takes about 200 ms, which the first user would otherwise wait for.
hours.public_holiday_name(utc_now().date())


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(response=reply.response, **reply.values)


def log(tracker: Tracker, message: str, *args: object) -> None:
    logger.info("[%s] " + message, tracker.sender_id, *args)
