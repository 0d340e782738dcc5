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
    Answer,
    Severity,
    parse_answer,
    questions_to_ask,
)

TRIAGE_FORM = "triage_form"
UNSURE_COUNT = "triage_unsure_count"


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
        first = parse_answer(tracker.get_slot(EMERGENCY_CARE_BLOCKED))
        if first is Answer.UNSURE:  # still unsure after help: the form is done
            return [EMERGENCY_CARE_BLOCKED]
        return questions_to_ask(first)

    def _answer(
        self,
        slot: str,
        value: Any,
        severity_if_yes: Severity,
        severity_if_no: Severity | None,
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
    ) -> dict[str, Any]:
        answer = parse_answer(value)
        if answer is Answer.YES:
            return {slot: answer.value, "severity": severity_if_yes.value}
        if answer is Answer.NO:
            if severity_if_no is None:
                return {slot: answer.value}
            return {slot: answer.value, "severity": severity_if_no.value}
        if answer is Answer.UNSURE:
            asked_before = (tracker.get_slot(UNSURE_COUNT) or 0) >= 1
            if asked_before:
                return {slot: answer.value, "severity": Answer.UNSURE.value}
            dispatcher.utter_message(response="utter_triage_unsure_help", **current_line(utc_now()))
            return {slot: None, UNSURE_COUNT: 1}
        return {slot: None}

    def validate_emergency_care_blocked(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        result = self._answer(EMERGENCY_CARE_BLOCKED, value, Severity.A, None, dispatcher, tracker)
        if result.get(EMERGENCY_CARE_BLOCKED) == Answer.UNSURE.value:
            # Unsure twice about emergency care: the second question cannot settle it.
            result["substantially_reduced"] = Answer.UNSURE.value
        return result

    def validate_substantially_reduced(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if tracker.get_slot("severity") == Severity.A.value:
            return {}  # already settled by the first answer
        return self._answer(
            "substantially_reduced", value, Severity.B, Severity.C, dispatcher, tracker
        )
