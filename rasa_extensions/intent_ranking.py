"""Setting a message's intent from a guard, with the classifier's ranking kept below it."""

from __future__ import annotations

from typing import Any

from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message


def ranking_without(message: Message, name: str) -> list[dict[str, Any]]:
    return [
        ranked for ranked in message.get(INTENT_RANKING_KEY) or [] if ranked.get("name") != name
    ]


def put_first(message: Message, intent: dict[str, Any]) -> None:
    """`intent` becomes the message's intent and heads its ranking; the rest keep order."""
    ranking = ranking_without(message, intent["name"])
    message.set(INTENT, intent, add_to_output=True)
    message.set(INTENT_RANKING_KEY, [intent, *ranking], add_to_output=True)
