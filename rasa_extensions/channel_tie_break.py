"""Torn between "can I ring?" and "can I write instead?", the channel the user names first.

"kan jeg ikke bare ringe dere i stedet?" reads half like can_i_call and half like
written_instead (both ask for another channel); the FallbackClassifier would drop both.
When those two are the top guesses and too close, the one whose channel comes first in the
text wins, with their joint confidence (bot.follow_up.first_channel_named). Runs before
the FallbackClassifier, with the same threshold and ambiguity.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.follow_up import Channel, first_channel_named
from rasa_extensions.intent_ranking import FallbackThresholds, put_first

INTENT_OF = {Channel.PHONE: "can_i_call", Channel.WRITING: "written_instead"}


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class ChannelTieBreak(FallbackThresholds):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            ranking = message.get(INTENT_RANKING_KEY) or []
            if len(ranking) < 2 or {r["name"] for r in ranking[:2]} != set(INTENT_OF.values()):
                continue
            first, second = ranking[0]["confidence"], ranking[1]["confidence"]
            if not self.torn(first, second):
                continue  # the classifier's guess stands
            channel = first_channel_named(message.get(TEXT) or "")
            if channel is not None:
                put_first(message, {"name": INTENT_OF[channel], "confidence": first + second})
        return messages
