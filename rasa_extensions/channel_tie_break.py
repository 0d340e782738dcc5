"""Torn between "can I ring?" and "can I write instead?", the channel the user names first.

"kan jeg ikke bare ringe dere i stedet?" reads half like can_i_call and half like
written_instead (both ask for another channel); the FallbackClassifier would drop both.
When those two are the top guesses and too close, the one whose channel comes first in the
text wins, with their joint confidence (bot.follow_up.first_channel_named). Runs before
the FallbackClassifier, with the same threshold and ambiguity.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.follow_up import Channel, first_channel_named
from rasa_extensions.intent_ranking import put_first

INTENT_OF = {Channel.PHONE: "can_i_call", Channel.WRITING: "written_instead"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ChannelTieBreak(GraphComponent):
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
    ) -> ChannelTieBreak:
        return cls({**cls.get_default_config(), **config})

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            ranking = message.get(INTENT_RANKING_KEY) or []
            if len(ranking) < 2 or {r["name"] for r in ranking[:2]} != set(INTENT_OF.values()):
                continue
            first, second = ranking[0]["confidence"], ranking[1]["confidence"]
            if first >= self.threshold and first - second >= self.ambiguity:
                continue  # not torn: the classifier's guess stands
            channel = first_channel_named(message.get(TEXT) or "")
            if channel is not None:
                put_first(message, {"name": INTENT_OF[channel], "confidence": first + second})
        return messages
