"""Messages the channels' gate changed: identity numbers removed (ask the user not to share
patient data, then still answer a fault report) and messages over the length limit."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import log, send, utc_now
from actions.fault_advice import remembered
from actions.report_form import SEVERITY_REASON, offer_report
from bot.replies import Reply, current_line, fault_reply
from bot.severity import Severity

NOT_UNDERSTOOD = {"nlu_fallback", "no_symptom", "report_fault"}
FAULT_INTENTS = {
    "fault_critical": Severity.A,
    "fault_major": Severity.B,
    "fault_minor": Severity.C,
}


def classified_intent(tracker: Tracker) -> str | None:
    """The intent the message had before the personal-data guard (after the fallback
    and the symptom guard: nlu_fallback or no_symptom when it was not understood)."""
    ranking = tracker.latest_message.get("intent_ranking") or []
    return next((r["name"] for r in ranking if r.get("name") != "share_personal_data"), None)


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
            severity = FAULT_INTENTS[intent]
            send(dispatcher, fault_reply(severity, utc_now(tracker)))
            if not tracker.active_loop.get("name"):
                offer_report(dispatcher)
            reason = f"Beskrivelsen (personnummer fjernet) ble vurdert som {severity.value}-feil"
            return [*remembered(severity), SlotSet(SEVERITY_REASON, reason)]
        if intent in NOT_UNDERSTOOD:  # it may be a fault: what happens, with the line
            send(dispatcher, Reply("utter_what_happens", current_line(utc_now(tracker))))
        return []


class ActionMessageTooLong(Action):
    """Over the length limit (the gate never let the text in): ask for it in short, with
    the number for now in case it is an A or B fault."""

    def name(self) -> str:
        return "action_message_too_long"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, Reply("utter_message_too_long", current_line(utc_now(tracker))))
        return []
