"""Follow-ups answered from what the conversation is about (bot.follow_up), corrections to a
less severe fault, questions about a triage question, and cancelling a form."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType, FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from actions.common import log, previous_turn_actions, previous_turn_responses, send, utc_now
from actions.fault_advice import reset_triage
from actions.report_form import (
    OFFER,
    REPORT_FORM,
    SEVERITY_REASON,
    offer_report,
    start_report,
)
from actions.suggestion_form import (
    SKIPPED,
    SUGGESTION_FORM,
    SUGGESTION_SLOTS,
    declines_the_question,
)
from actions.triage_form import TRIAGE_FORM
from bot.follow_up import (
    FAULT,
    Context,
    about_the_ops_manager,
    can_i_call,
    contact_reply,
    less_severe,
    response_time,
    written_instead,
)
from bot.replies import Reply, current_line, fault_reply, moment_asked, opening_hours_reply
from bot.report import CONFIRMED as REPORT_CONFIRMED
from bot.report import OPTIONAL as REPORT_OPTIONAL
from bot.report import QUESTIONS as REPORT_QUESTIONS
from bot.report import SKIPPED as REPORT_SKIPPED
from bot.report import about_the_report, corrects
from bot.report import declines as declines_report_question
from bot.severity import parse_severity
from bot.symptoms import describes_symptom

TOPIC, LAST_SEVERITY, ASKED_AT = "last_topic", "last_severity", "asked_at"
# The actions that answer about another day or a time; only right after one of them does
# "kan jeg ringe da?" refer to that moment.
ANSWERS_ABOUT_A_MOMENT = {"action_opening_hours", "action_follow_up"}


def context_of(tracker: Tracker) -> Context:
    day, at = None, None
    if previous_turn_actions(tracker) & ANSWERS_ABOUT_A_MOMENT:
        day, at = _parse_moment(tracker.get_slot(ASKED_AT))
    return Context(
        tracker.get_slot(TOPIC), parse_severity(tracker.get_slot(LAST_SEVERITY)), day, at
    )


def _parse_moment(value: object) -> tuple[date | None, time | None]:
    """ "2026-11-30T08:00" or "2026-11-30" (bot.replies.moment_asked) -> day, time."""
    try:
        moment = datetime.fromisoformat(str(value))
    except ValueError:
        return None, None
    return moment.date(), (moment.time() if "T" in str(value) else None)


def moment_remembered(asked: str, now: datetime) -> list[EventType]:
    return [SlotSet(ASKED_AT, moment_asked(asked, now))]


class ActionFollowUp(Action):
    """can_i_call, written_instead, response_time and contact_info, from the context."""

    def name(self) -> str:
        return "action_follow_up"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        intent = (tracker.latest_message.get("intent") or {}).get("name")
        asked = tracker.latest_message.get("text") or ""
        context, now = context_of(tracker), utc_now(tracker)
        if intent == "can_i_call":
            reply = can_i_call(asked, context, now)
        elif intent == "written_instead" and not about_the_ops_manager(asked, context):
            reply = written_instead(context, now)
        elif intent == "response_time":
            reply = response_time(context, now, asked)
        else:
            reply = contact_reply(asked, context, now)
        log(tracker, "follow-up intent=%s context=%s reply=%s", intent, context, reply.response)
        send(dispatcher, reply)
        return moment_remembered(asked, now)


class ActionLessSevere(Action):
    """ "Det er ikke så alvorlig": a re-graded class, and whether to ring after all."""

    def name(self) -> str:
        return "action_less_severe"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        ranked = [r.get("name") for r in tracker.latest_message.get("intent_ranking") or []]
        sounds_major = "fault_major" in ranked and (
            "fault_minor" not in ranked or ranked.index("fault_major") < ranked.index("fault_minor")
        )
        regrade = less_severe(
            tracker.latest_message.get("text") or "",
            context_of(tracker),
            utc_now(tracker),
            sounds_major,
        )
        for reply in regrade.replies:
            send(dispatcher, reply)
        severity = regrade.severity.value if regrade.severity else None
        events = [SlotSet(TOPIC, FAULT), SlotSet(LAST_SEVERITY, severity)]
        if regrade.replies[-1].response.startswith("utter_fault_") and not regrade.unchanged:
            offer_report(dispatcher)
            text = " ".join((tracker.latest_message.get("text") or "").split())[:300]
            events.append(SlotSet(SEVERITY_REASON, f"Rettet av brukeren: «{text}»"))
        return events


class ActionNoWithoutQuestion(Action):
    """A "nei" to no question: right after an A- or B-feil verdict it takes back the answer
    that led there ("nei feil, jeg mente nei"), a correction; naming a day or time, it
    corrects the one asked about ("nei, jeg mente torsdag"); otherwise, what can I help with."""

    def name(self) -> str:
        return "action_no_without_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        previous = previous_turn_responses(tracker)
        text = (tracker.latest_message.get("text") or "").lower()
        if OFFER in previous and not corrects(text):  # "nei takk" to the report
            dispatcher.utter_message(response="utter_report_declined")
            return []
        if previous & {"utter_fault_a", "utter_fault_b"}:
            return await ActionLessSevere().run(dispatcher, tracker, domain)
        asked, now = tracker.latest_message.get("text") or "", utc_now(tracker)
        if moment_asked(asked, now):  # "nei, jeg mente torsdag": the day meant
            send(dispatcher, opening_hours_reply(now, asked))
            return moment_remembered(asked, now)
        dispatcher.utter_message(response="utter_how_can_i_help")
        return []


class ActionYesWithoutQuestion(Action):
    """A "ja" to no question: after the offer, the written report; otherwise, what can I
    help with."""

    def name(self) -> str:
        return "action_yes_without_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if OFFER in previous_turn_responses(tracker):
            text = tracker.latest_message.get("text") or ""
            severity = parse_severity(tracker.get_slot(LAST_SEVERITY))
            if severity and describes_symptom(text) and not about_the_report(text):
                # "ja, alt er vesentlig tregere enn vanlig": about the fault, not the offer
                send(dispatcher, fault_reply(severity, utc_now(tracker)))
                offer_report(dispatcher)
                return []
            return start_report(dispatcher)
        dispatcher.utter_message(response="utter_how_can_i_help")
        return []


class ActionUnsureWithoutQuestion(Action):
    """ "Er fortsatt usikker" with no question asked: about a fault, the page's advice for
    an unsure severity (ring if it may be A or B, otherwise in writing); else the classes."""

    def name(self) -> str:
        return "action_unsure_without_question"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        if context_of(tracker).topic == FAULT:
            send(dispatcher, fault_reply(None, utc_now(tracker)))
        else:
            dispatcher.utter_message(response="utter_severity_info")
        return []


# Replies that ask the user to say more: "hæ?" after one of them is confusion, not a
# question about the severity classes.
ASKED_TO_SAY_MORE = {
    "utter_fallback",
    "utter_fallback_menu",
    "utter_what_happens",
    "utter_what_happens_again",
}


class ActionExplain(Action):
    """ "Hva mener du med …?": inside the triage, the question asked; after a reply that did
    not understand, the main routes as buttons; else the classes."""

    def name(self) -> str:
        return "action_explain"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked_about = tracker.get_slot("requested_slot")
        if tracker.active_loop.get("name") == TRIAGE_FORM and asked_about:
            send(dispatcher, Reply(f"utter_help_{asked_about}", current_line(utc_now(tracker))))
        elif previous_turn_responses(tracker) & ASKED_TO_SAY_MORE:
            send(dispatcher, Reply("utter_menu_after_confusion", current_line(utc_now(tracker))))
        else:
            dispatcher.utter_message(response="utter_severity_info")
        return []


def last_requested_slot(tracker: Tracker) -> str | None:
    """The question the form asked last (requested_slot is reset when it is deactivated)."""
    for event in reversed(tracker.events):
        is_question = event.get("event") == "slot" and event.get("name") == "requested_slot"
        if is_question and event.get("value"):
            return str(event["value"])
    return None


def last_form(tracker: Tracker) -> str | None:
    """The form most recently active (it may just have been deactivated)."""
    for event in reversed(tracker.events):
        if event.get("event") == "active_loop" and event.get("name"):
            return str(event["name"])
    return None


class ActionCancel(Action):
    """Stops what the bot was asking and forgets the answers; says so plainly."""

    def name(self) -> str:
        return "action_cancel"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        form = (
            last_form(tracker) if tracker.latest_action_name == "action_deactivate_loop" else None
        )
        asked = last_requested_slot(tracker) if form else None
        text = tracker.latest_message.get("text") or ""
        # "vil ikke oppgi e-post" declines one question; it does not drop the form.
        if form == SUGGESTION_FORM and asked == "suggestion_email" and declines_the_question(text):
            return [SlotSet(asked, SKIPPED), FollowupAction(SUGGESTION_FORM)]
        if form == REPORT_FORM and asked in REPORT_OPTIONAL and declines_report_question(text):
            return [SlotSet(asked, REPORT_SKIPPED), FollowupAction(REPORT_FORM)]
        if form == TRIAGE_FORM:
            send(dispatcher, Reply("utter_triage_cancelled", current_line(utc_now(tracker))))
        elif form == SUGGESTION_FORM:
            dispatcher.utter_message(response="utter_suggestion_cancelled")
        elif form == REPORT_FORM:
            dispatcher.utter_message(response="utter_report_cancelled")
        else:
            dispatcher.utter_message(response="utter_cancelled")
        forgotten = (*SUGGESTION_SLOTS, *REPORT_QUESTIONS, REPORT_CONFIRMED)
        return [*reset_triage(), *(SlotSet(slot, None) for slot in forgotten)]
