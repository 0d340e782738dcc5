"""No A/B verdict without a described fault, no A when the user says emergency care works
("vi får gitt akutthjelp, men …": a B), and the class the user names for the fault she
describes ("A-FEIL: journalmodulen har kollapsa"); a question about a fault that may
come ("hvis det blir verre, hvem ringer vi?") is about ringing, not a report, while a
question about ringing that describes an A or B ("kan jeg ringe nå om at hele aidn er
nede?") is that fault. A message ranked fault_critical or fault_major that describes no
symptom (bot.symptoms) becomes no_symptom, which asks "Hva er det som skjer?" and gives
the number as a condition. So does one word read as a wish to report a fault ("problem"),
a bare topic the classifier did not understand ("utskrift"), or a call for help it did
not understand ("hjelp meg, vet ikke hva jeg skal gjøre"). The classifier's ranking stays
below it."""

from __future__ import annotations

from typing import Any

from rasa.engine.graph import ExecutionContext, GraphComponent
from rasa.engine.recipes.default_recipe import DefaultV1Recipe
from rasa.engine.storage.resource import Resource
from rasa.engine.storage.storage import ModelStorage
from rasa.shared.nlu.constants import INTENT, INTENT_RANKING_KEY, TEXT
from rasa.shared.nlu.training_data.message import Message

from bot.follow_up import clock_missed, has_called, phone_not_answered
from bot.severity import labelled_severity
from bot.symptoms import (
    asks_what_if,
    calls_for_help,
    describes_symptom,
    is_bare_topic,
    says_emergency_care_works,
    without_emergency_care_phrase,
)
from rasa_extensions.intent_ranking import put_first
from rasa_extensions.severity_tie_break import INTENT_OF

NEEDS_A_SYMPTOM = {"fault_critical", "fault_major"}
FAULT_INTENTS = {*NEEDS_A_SYMPTOM, "fault_minor", "report_fault"}
NO_SYMPTOM = "no_symptom"
NOT_UNDERSTOOD = "nlu_fallback"
# Questions that a fault which may come ("og hvis vi får en A-feil da, hvem ringer vi?")
# turns into a question about ringing.
ASKS_ABOUT_A_FAULT = ("response_time", "severity_info", NOT_UNDERSTOOD)


# "eg har alt ringt vakttelefonen" read as one of these is about ringing (an answer at a
# form's question, "ja, har ringt", keeps its intent).
RANG_MISREAD = ("already_asked", "usage_question", "written_instead", "nlu_fallback")
# A question about ringing that describes an A or B the classifier ranks next.
FAULT_NEXT_MIN_CONFIDENCE = 0.2


def _fault_asked_about(message: Message) -> dict[str, Any] | None:
    ranking = message.get(INTENT_RANKING_KEY) or []
    second = ranking[1] if len(ranking) > 1 else {}
    confident = float(second.get("confidence") or 0) >= FAULT_NEXT_MIN_CONFIDENCE
    return second if second.get("name") in NEEDS_A_SYMPTOM and confident else None


@DefaultV1Recipe.register([DefaultV1Recipe.ComponentType.INTENT_CLASSIFIER], is_trainable=False)
class SymptomGuard(GraphComponent):
    @classmethod
    def create(
        cls,
        config: dict[str, Any],
        model_storage: ModelStorage,
        resource: Resource,
        execution_context: ExecutionContext,
    ) -> SymptomGuard:
        return cls()

    def process(self, messages: list[Message]) -> list[Message]:
        for message in messages:
            intent = message.get(INTENT) or {}
            text = message.get(TEXT) or ""
            name = intent.get("name")
            # The classifier knew the words (it ranked intents): not keyboard mash.
            words_known = len(message.get(INTENT_RANKING_KEY) or []) > 1
            labelled = labelled_severity(text)
            if labelled and describes_symptom(text) and name != INTENT_OF[labelled]:
                # "A-FEIL: journalmodulen har kollapsa": the class the user gives it
                put_first(message, {"name": INTENT_OF[labelled], "confidence": 1.0})
                continue
            rang = phone_not_answered(text) or (has_called(text) and name in RANG_MISREAD)
            if name != "can_i_call" and (clock_missed(text) is not None or rang):
                # "ringer nå, men hvis jeg ikke rekker det før fire?": ringing after then;
                # "har ringt men ingen svarte", "eg har alt ringt": what now about ringing
                put_first(message, {"name": "can_i_call", "confidence": intent["confidence"]})
                continue
            if name in (*FAULT_INTENTS, *ASKS_ABOUT_A_FAULT) and asks_what_if(text):
                # "hvis det blir verre, hvem ringer vi da?": a question, not a fault report
                put_first(message, {"name": "can_i_call", "confidence": intent["confidence"]})
                continue
            fault = _fault_asked_about(message) if name == "can_i_call" else None
            if fault and describes_symptom(text) and not asks_what_if(text):
                # "kan jeg ringe dere nå om at hele aidn er nede?": the fault, with its class
                # and the number, answers whether to ring
                put_first(message, fault)
                continue
            if name == "fault_critical" and says_emergency_care_works(text):
                # "vi får gitt akutthjelp, men all utdeling stopper opp": not an A but a B;
                # "ok, da er svaret nei, vi kan gi akutt hjelp" alone: a no.
                rest = without_emergency_care_phrase(text)
                instead = "fault_major" if describes_symptom(rest) else "deny"
                put_first(message, {"name": instead, "confidence": intent["confidence"]})
                continue
            one_word_report = name == "report_fault" and len(text.split()) == 1  # "problem"
            if ((name in NEEDS_A_SYMPTOM or one_word_report) and not describes_symptom(text)) or (
                name == NOT_UNDERSTOOD
                and words_known
                and (is_bare_topic(text) or calls_for_help(text))
            ):
                put_first(
                    message, {"name": NO_SYMPTOM, "confidence": intent.get("confidence", 0.0)}
                )
        return messages
