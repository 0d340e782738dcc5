"""Helpers shared by the actions: the clock at the edge, and sending a bot.replies.Reply."""

from __future__ import annotations

import logging
from datetime import datetime, timezone

from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from bot.replies import Reply

logger = logging.getLogger("actions")


def utc_now() -> datetime:
    """The only place the actions read the clock; bot.* converts to Europe/Oslo."""
    return datetime.now(timezone.utc)


def send(dispatcher: CollectingDispatcher, reply: Reply) -> None:
    dispatcher.utter_message(response=reply.response, **reply.values)


def log(tracker: Tracker, message: str, *args: object) -> None:
    logger.info("[%s] " + message, tracker.sender_id, *args)
