"""A/B/C fault advice with the phone line that is right now, and the start of triage."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import log, send, utc_now
from actions.report_form import SEVERITY_REASON, offer_report
from bot.follow_up import Context, keeps_the_higher_class
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


def why(tracker: Tracker, severity: Severity) -> str:
    """What led to the class, for the written report: the triage's answers or the words."""
    answers = [tracker.get_slot(EMERGENCY_CARE_BLOCKED), tracker.get_slot(SUBSTANTIALLY_REDUCED)]
    if any(answers):
        blocked, reduced = (answer or "ikke spurt" for answer in answers)
        return (
            f"Svar i assistentens spørsmål: øyeblikkelig hjelp hindret – {blocked}; "
            f"vesentlig redusert funksjon eller ytelse – {reduced}"
        )
    text = " ".join((tracker.latest_message.get("text") or "").split())[:300]
    return f"Beskrivelsen «{text}» ble vurdert som {severity.value}-feil"


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
        earlier = Context(
            tracker.get_slot("last_topic"), parse_severity(tracker.get_slot("last_severity"))
        )
        from_the_words = not any(tracker.get_slot(slot) for slot in TRIAGE_SLOTS)
        unchanged = from_the_words and keeps_the_higher_class(
            severity, earlier, tracker.latest_message.get("text") or ""
        )
        if unchanged:
            # More about the A or B at hand, not a smaller fault: never a quiet downgrade.
            dispatcher.utter_message(response="utter_severity_unchanged")
            severity = earlier.severity
        reply = fault_reply(severity, utc_now(tracker))
        log(tracker, "fault advice severity=%s reply=%s", severity, reply.response)
        send(dispatcher, reply)
        events = [*reset_triage(), SlotSet("severity", None), *remembered(severity)]
        if severity is None or unchanged:  # unchanged: the offer and the reason stand
            return events
        if not tracker.active_loop.get("name"):  # not while another form asks its questions
            offer_report(dispatcher)
        return [*events, SlotSet(SEVERITY_REASON, why(tracker, severity))]


class ActionStartTriage(Action):
    def name(self) -> str:
        return "action_start_triage"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        dispatcher.utter_message(response="utter_start_triage")
        return [*reset_triage(), SlotSet("severity", None)]
