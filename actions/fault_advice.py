"""A/B/C fault advice with the phone line that is right now, and the start of triage."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import log, send, utc_now
from bot.replies import fault_reply
from bot.severity import (
    EMERGENCY_CARE_BLOCKED,
    SUBSTANTIALLY_REDUCED,
    Severity,
    decide,
    parse_answer,
    parse_severity,
)

TRIAGE_SLOTS = (EMERGENCY_CARE_BLOCKED, SUBSTANTIALLY_REDUCED)


def reset_triage() -> list[EventType]:
    return [SlotSet(slot, None) for slot in TRIAGE_SLOTS] + [SlotSet("triage_unsure_count", 0)]


def remembered(severity: Severity | None) -> list[EventType]:
    """What the conversation is about now, for follow-ups (bot.follow_up.Context)."""
    return [
        SlotSet("last_topic", "fault"),
        SlotSet("last_severity", severity.value if severity else None),
    ]


class ActionFaultAdvice(Action):
    def name(self) -> str:
        return "action_fault_advice"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        severity = decide(
            parse_answer(tracker.get_slot(EMERGENCY_CARE_BLOCKED)),
            parse_answer(tracker.get_slot(SUBSTANTIALLY_REDUCED)),
            parse_severity(tracker.get_slot("severity")),
        )
        reply = fault_reply(severity, utc_now(tracker))
        log(tracker, "fault advice severity=%s reply=%s", severity, reply.response)
        send(dispatcher, reply)
        return [*reset_triage(), SlotSet("severity", None), *remembered(severity)]


class ActionStartTriage(Action):
    def name(self) -> str:
        return "action_start_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_start_triage")
        return [*reset_triage(), SlotSet("severity", None)]
