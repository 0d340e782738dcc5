"""share_personal_data exactly when a message held a national identity number.

The channels' gate (rasa_extensions/channels/entry.py) replaces every such number with a
marker before the NLU runs; a message that still holds one (parsed through another path,
such as Rasa's /model/parse) counts too. The classifier has no examples of this intent.
Its ranking, after the fallback and the symptom guard, stays below, so the action can
still answer a fault described in the same message, and knows when it was not understood.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.entry import had_identity_number
from bot.privacy import find_national_ids
from rasa_extensions.intent_ranking import put_first

PERSONAL_DATA_INTENT = "share_personal_data"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class PersonalDataGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> PersonalDataGuard:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            text = message.get(TEXT) or ""
            if had_identity_number(text) or find_national_ids(text):
                put_first(message, {"name": PERSONAL_DATA_INTENT, "confidence": 1.0})
        return messages
