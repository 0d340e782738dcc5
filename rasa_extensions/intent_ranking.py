"""Setting a message's intent from a guard, with the classifier's ranking kept below it, and
the thresholds shared with the FallbackClassifier."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
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


class FallbackThresholds(GraphComponent):
    """A component that settles an intent the FallbackClassifier would drop: the same
    threshold and ambiguity (config.yml gives both the FallbackClassifier's values)."""

    @staticmethod
    def get_default_config() -> dict[str, Any]:
        return {"threshold": 0.3, "ambiguity_threshold": 0.05}

    def __init__(self, config: dict[str, Any]) -> None:
        self.threshold = float(config["threshold"])
        self.ambiguity = float(config["ambiguity_threshold"])

    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> FallbackThresholds:
        return cls({**cls.get_default_config(), **config})

    def torn(self, first: float, second: float) -> bool:
        """Too unsure, or too close to the next guess: the fallback would answer."""
        return first < self.threshold or first - second < self.ambiguity
