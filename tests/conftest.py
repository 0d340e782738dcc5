"""Shared test helpers."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Tracker


def make_tracker(
    slots: dict[str, Any] | None = None,
    intent: str | None = None,
    text: str = "",
    intent_ranking: list[dict[str, Any]] | None = None,
    active_loop: str | None = None,
    sender_id: str = "test-user",
    events: list[dict[str, Any]] | None = None,
) -> Tracker:
    latest_message = {
        "text": text,
        "intent": {"name": intent, "confidence": 1.0} if intent else {},
        "intent_ranking": intent_ranking or [],
        "entities": [],
    }
    return Tracker(
        sender_id=sender_id,
        slots=slots or {},
        latest_message=latest_message,
        events=events or [],
        paused=False,
        followup_action=None,
        active_loop={"name": active_loop} if active_loop else {},
        latest_action_name="action_listen",
    )
