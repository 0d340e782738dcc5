"""A fault whose severity the classifier is torn about is still a fault.

The FallbackClassifier drops a guess below its threshold or too close to the next one.
When the two top guesses are both about a fault (a class, or report_fault), the classifier
knows that a fault is reported, only not how severe: torn between A and B (both phoned in
at once) the likelier class stands; otherwise (ringing or writing, or no class at all) the
triage asks (report_fault). Either way with the two guesses' joint confidence, so the
fallback does not turn "medisinlista kommer ikke opp for noen, alle får feilmelding 500"
into "say it in other words". Runs before the FallbackClassifier, with the same threshold
and ambiguity.
"""

from __future__ import annotations

from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY
from rasa.shared.nlu.training_data.message import Message

from bot.severity import Severity, settle_tie
from rasa_extensions.intent_ranking import FallbackThresholds

FAULT_INTENTS = {"fault_critical": Severity.A, "fault_major": Severity.B, "fault_minor": Severity.C}
INTENT_OF = {severity: intent for intent, severity in FAULT_INTENTS.items()}
TRIAGE_INTENT = "report_fault"


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SeverityTieBreak(FallbackThresholds):
    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            self._settle(message)
        return messages

    def _settle(self, message: Message) -> None:
        ranking = message.get(INTENT_RANKING_KEY) or []
        if not (message.get(INTENT) or {}).get("name") or len(ranking) < 2:
            return
        first, second = ranking[0], ranking[1]
        about_a_fault = {*FAULT_INTENTS, TRIAGE_INTENT}
        if first["name"] not in about_a_fault or second["name"] not in about_a_fault:
            return
        uncertain = self.torn(first["confidence"], second["confidence"])
        joint = first["confidence"] + second["confidence"]
        if not uncertain or joint < self.threshold:
            return
        one, other = FAULT_INTENTS.get(first["name"]), FAULT_INTENTS.get(second["name"])
        settled = settle_tie(one, other) if one and other else None
        intent = {"name": INTENT_OF[settled] if settled else TRIAGE_INTENT, "confidence": joint}
        rest = [r for r in ranking[2:] if r["name"] != intent["name"]]
        message.set(INTENT, intent, add_to_output=True)
        message.set(INTENT_RANKING_KEY, [intent, *rest], add_to_output=True)
