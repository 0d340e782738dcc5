"""The suggestion form: collect what, optionally which area and an e-mail; deliver it."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

from rasa_sdk import Action, FormValidationAction, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher
from rasa_sdk.types import DomainDict

from actions.common import log, utc_now
from bot.suggestions import Suggestion, clean_text, is_valid_suggestion, normalise_email
from storage.suggestion_inbox import SuggestionInbox

SUGGESTION_FORM = "suggestion_form"
SUGGESTION_SLOTS = ("suggestion_text", "suggestion_area", "suggestion_email")
CANCELLED = "__avbrutt__"
SKIPPED = "-"
CANCEL_WORDS = {"avbryt", "stopp", "glem det", "angre", "avslutt", "cancel"}
SKIP_WORDS = {"hopp over", "hopp", "nei", "nei takk", "ingen", "vil ikke", "-", "skip", "vet ikke"}
DEFAULT_DATABASE = Path(__file__).resolve().parent.parent / "var" / "suggestions.sqlite3"


def _normalised(value: Any) -> str:
    return " ".join(str(value or "").lower().split()).strip(".!")


def _cancel_or_skip(slot: str, value: Any) -> dict[str, Any] | None:
    """For the optional questions: "avbryt" ends the form, "hopp over" skips the question."""
    word = _normalised(value)
    if word in CANCEL_WORDS:
        return {"suggestion_text": CANCELLED, slot: SKIPPED}
    if word in SKIP_WORDS:
        return {slot: SKIPPED}
    return None


def suggestion_inbox() -> SuggestionInbox:
    """Built per submission from the environment, never at import time."""
    return SuggestionInbox(
        os.environ.get("AIDN_SUGGESTIONS_DB", str(DEFAULT_DATABASE)),
        os.environ.get("AIDN_SUGGESTION_WEBHOOK_URL"),
    )


class ValidateSuggestionForm(FormValidationAction):
    def name(self) -> str:
        return f"validate_{SUGGESTION_FORM}"

    async def required_slots(
        self,
        domain_slots: list[str],
        dispatcher: CollectingDispatcher,
        tracker: Tracker,
        domain: DomainDict,
    ) -> list[str]:
        if tracker.get_slot("suggestion_text") == CANCELLED:
            return []
        return domain_slots

    def validate_suggestion_text(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:  # reset by action_start_suggestion, nothing typed yet
            return {"suggestion_text": None}
        if _normalised(value) in CANCEL_WORDS:
            return {"suggestion_text": CANCELLED}
        if not is_valid_suggestion(str(value)):
            dispatcher.utter_message(response="utter_suggestion_too_short")
            return {"suggestion_text": None}
        return {"suggestion_text": clean_text(str(value))}

    def validate_suggestion_area(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:  # reset by action_start_suggestion, nothing typed yet
            return {"suggestion_area": None}
        return _cancel_or_skip("suggestion_area", value) or {
            "suggestion_area": clean_text(str(value))[:200]
        }

    def validate_suggestion_email(
        self, value: Any, dispatcher: CollectingDispatcher, tracker: Tracker, domain: DomainDict
    ) -> dict[str, Any]:
        if value is None:  # reset by action_start_suggestion, nothing typed yet
            return {"suggestion_email": None}
        answer = _cancel_or_skip("suggestion_email", value)
        if answer:
            return answer
        email = normalise_email(str(value))
        if email is None:
            dispatcher.utter_message(response="utter_suggestion_invalid_email")
        return {"suggestion_email": email}


class ActionStartSuggestion(Action):
    """Explains where suggestions go and clears anything left from an earlier form."""

    def name(self) -> str:
        return "action_start_suggestion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_suggestion_intro")
        return [SlotSet(slot, None) for slot in SUGGESTION_SLOTS]


class ActionSubmitSuggestion(Action):
    def name(self) -> str:
        return "action_submit_suggestion"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, area, email = (tracker.get_slot(slot) for slot in SUGGESTION_SLOTS)
        reset = [SlotSet(slot, None) for slot in SUGGESTION_SLOTS]
        if text in (None, CANCELLED):
            dispatcher.utter_message(response="utter_suggestion_cancelled")
            return reset
        suggestion = Suggestion(
            sender_id=tracker.sender_id,
            suggestion=text,
            area=None if area in (None, SKIPPED) else area,
            email=None if email in (None, SKIPPED) else email,
            created_at=utc_now(tracker),
        )
        suggestion_id = await asyncio.to_thread(suggestion_inbox().add, suggestion)
        log(tracker, "suggestion %s stored", suggestion_id)
        response = "utter_suggestion_received" + ("_with_email" if suggestion.email else "")
        dispatcher.utter_message(response=response, suggestion_id=suggestion_id)
        return reset
