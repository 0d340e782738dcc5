"""Validation of the triage form: the page's questions in order, "usikker" gets help."""

from __future__ import annotations

from typing import Any

from rasa_sdk import FormValidationAction, Tracker
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import utc_now
from bot.replies import current_line
from bot.severity import (
    EMERGENCY_CARE_BLOCKED,
    SUBSTANTIALLY_REDUCED,
    Answer,
    leading_answer,
    parse_answer,
    questions_to_ask,
)
from bot.symptoms import says_emergency_care_works

TRIAGE_FORM = "triage_form"
UNSURE_COUNT = "triage_unsure_count"
# Intents with their own handling inside the triage (answers by their slot mappings, a
# question about the question, cancel, personal data, a fault described): every other
# message is read for a yes or no in its first words ("næh, vi får gjort det vi skal").
OWN_HANDLING = {
    "affirm",
    "deny",
    "unsure",
    "less_severe",
    "explain",
    "cancel",
    "share_personal_data",
    "message_too_long",
    "fault_critical",
    "fault_major",
    "fault_minor",
}


def _yes_read_as_less_severe(tracker: Tracker) -> bool:
    """ "ja, øyeblikkelig hjelp går ikke": a yes the classifier reads as "less severe" (its
    mapping gives "nei"); not "ja, men vi får gitt akutt hjelp"."""
    intent = (tracker.latest_message.get("intent") or {}).get("name")
    text = tracker.latest_message.get("text") or ""
    return (
        intent in ("less_severe", "fault_minor")
        and tracker.get_slot("requested_slot") == EMERGENCY_CARE_BLOCKED
        and leading_answer(text) is Answer.YES
        and not says_emergency_care_works(text)
    )


class ValidateTriageForm(FormValidationAction):
    def name(self) -> str:
        return f"validate_{TRIAGE_FORM}"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        return questions_to_ask(parse_answer(tracker.get_slot(EMERGENCY_CARE_BLOCKED)))

    @staticmethod
    def _answer(
        slot: str, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker
    ) -> dict[str, Any]:
        answer = parse_answer(value)
        if answer is None:
            return {slot: None}
        if answer is Answer.NO and _yes_read_as_less_severe(tracker):
            answer = Answer.YES
        if answer is Answer.UNSURE and (tracker.get_slot(UNSURE_COUNT) or 0) < 1:
            # The first "usikker" in this triage: explain the question, give the line, ask again.
            dispatcher.utter_message(
                response=f"utter_help_{slot}", **current_line(utc_now(tracker))
            )
            return {slot: None, UNSURE_COUNT: 1}
        if answer is Answer.UNSURE:
            return {slot: answer.value}  # still unsure: the advice says to call us
        return {slot: answer.value}  # unsure twice in the triage, at any question: done

    @staticmethod
    def _answer_in_words(slot: str, tracker: Tracker) -> dict[str, Any]:
        """ "ja, vi får ikke gitt øyeblikkelig hjelp", "ok, da er svaret nei, …": answers
        classified as something else still answer."""
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        if tracker.get_slot("requested_slot") != slot or intent in OWN_HANDLING:
            return {}
        answer = leading_answer(tracker.latest_message.get("text") or "")
        return {slot: answer.value} if answer else {}

    async def extract_emergency_care_blocked(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer_in_words(EMERGENCY_CARE_BLOCKED, tracker)

    async def extract_substantially_reduced(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer_in_words(SUBSTANTIALLY_REDUCED, tracker)

    def validate_emergency_care_blocked(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer(EMERGENCY_CARE_BLOCKED, value, dispatcher, tracker)

    def validate_substantially_reduced(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        return self._answer(SUBSTANTIALLY_REDUCED, value, dispatcher, tracker)
