"""share_personal_data exactly when a message holds a valid national identity number.

The classifier's own ranking is kept below it, so the action can still answer the
question once it has asked the user not to share patient data. Without a valid number,
a share_personal_data guess by the classifier gives way to the next intent.
"""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.privacy import find_national_ids
from rasa_extensions.intent_ranking import put_first, ranking_without

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
            if find_national_ids(message.get(TEXT) or ""):
                put_first(message, {"name": PERSONAL_DATA_INTENT, "confidence": 1.0})
                continue
            ranking = ranking_without(message, PERSONAL_DATA_INTENT)
            if (message.get(INTENT) or {}).get("name") == PERSONAL_DATA_INTENT and ranking:
                # Only an identity number counts; otherwise the next intent stands.
                message.set(INTENT, ranking[0], add_to_output=True)
                message.set(INTENT_RANKING_KEY, ranking, add_to_output=True)
        return messages
