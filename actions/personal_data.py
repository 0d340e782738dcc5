"""Asks the user not to share patient data, then still answers a fault report."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import log, send, utc_now
from actions.fault_advice import remembered
from bot.replies import fault_reply
from bot.severity import Severity

FAULT_INTENTS = {
    "fault_critical": Severity.A,
    "fault_major": Severity.B,
    "fault_minor": Severity.C,
}


def classified_intent(tracker: Tracker) -> str | None:
    """The classifier's own top intent, ranked below share_personal_data."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    ignored = {"share_personal_data", "nlu_fallback"}
    return next((r["name"] for r in ranking if r.get("name") not in ignored), None)


class ActionPersonalDataWarning(Action):
    def name(self) -> str:
        return "action_personal_data_warning"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_personal_data_warning")
        intent = classified_intent(tracker)
        log(tracker, "personal data in message; classified intent=%s", intent)
        if intent in FAULT_INTENTS:
            send(dispatcher, fault_reply(FAULT_INTENTS[intent], utc_now(tracker)))
            return remembered(FAULT_INTENTS[intent])
        return []
