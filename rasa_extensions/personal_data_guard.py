"""Marks messages that contain a national identity number with the share_personal_data intent.

The classifier's own ranking is kept below it, so the action can still answer the
question once it has asked the user not to share patient data.
"""

from __future__ import annotations

from typing import Any, Dict, List, Text

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.privacy import find_national_ids

PERSONAL_DATA_INTENT = "share_personal_data"


@DefaultV1Recipe.register(
    [DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False
)
class PersonalDataGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: Dict[Text, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> "PersonalDataGuard":
        return cls()

    def process(self, messages: List[Message]) -> List[Message]:
        for message in messages:
            if not find_national_ids(message.get(TEXT) or ""):
                continue
            flagged = {"name": PERSONAL_DATA_INTENT, "confidence": 1.0}
            ranking = [
                ranked
                for ranked in message.get(INTENT_RANKING_KEY) or []
                if ranked.get("name") != PERSONAL_DATA_INTENT
            ]
            message.set(INTENT, flagged, add_to_output=True)
            message.set(INTENT_RANKING_KEY, [flagged, *ranking], add_to_output=True)
        return messages
