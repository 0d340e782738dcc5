"""Answers that depend on the clock, the question asked and the context: opening hours,
the severity classes, the question for a symptom, and the fallback. The answers are pure
functions in bot.replies and bot.follow_up; these actions only read the tracker."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send, utc_now
from actions.fault_advice import remembered
from actions.follow_up import context_of
from bot.follow_up import Context, not_understood, opening_hours, response_time
from bot.replies import (
    Reply,
    current_line,
    mentioned_classes,
    severity_info_reply,
)
from bot.symptoms import is_bare_topic


class ActionOpeningHours(Action):
    """Opening hours; right after an A- or B-feil, whether to ring (bot.follow_up)."""

    def name(self) -> str:
        return "action_opening_hours"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked = tracker.latest_message.get("text") or ""
        send(dispatcher, opening_hours(asked, context_of(tracker), utc_now(tracker)))
        return []


class ActionSeverityInfo(Action):
    """The classes, or whether to phone about one; "og for C-feil?" right after an answer
    about response times asks for that class's response time."""

    def name(self) -> str:
        return "action_severity_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked, now = tracker.latest_message.get("text") or "", utc_now(tracker)
        classes = mentioned_classes(asked)
        after_response_times = any(
            name.startswith("utter_response_time") for name in previous_turn_responses(tracker)
        )
        if after_response_times and len(classes) == 1:
            reply = response_time(Context(), now, asked)
        else:
            reply = severity_info_reply(asked, now)
        send(dispatcher, reply)
        # "Hva er en B-feil?" ... "må den ringes inn?": the follow-up is about that class.
        return remembered(classes[0]) if len(classes) == 1 else []


class ActionAskSymptom(Action):
    """A call for help with no symptom: ask what happens, with the line as a condition;
    asked a second time in a row, more concretely."""

    def name(self) -> str:
        return "action_ask_symptom"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        again = "utter_what_happens" in previous_turn_responses(tracker)
        response = "utter_what_happens_again" if again else "utter_what_happens"
        send(dispatcher, Reply(response, current_line(utc_now(tracker))))
        return []


class ActionFallback(Action):
    """Not understood: never leave a possible A/B fault without the number to call. The
    second time in a row, offer the main routes as buttons instead of repeating."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        text, now = tracker.latest_message.get("text") or "", utc_now(tracker)
        after_symptom_question = "utter_what_happens" in previous_turn_responses(tracker)
        in_context = not_understood(text, context_of(tracker), now, after_symptom_question)
        if in_context is not None:
            send(dispatcher, in_context)
            return []
        line = current_line(now)
        if previous_turn_actions(tracker) & {"action_fallback"}:
            send(dispatcher, Reply("utter_fallback_menu", line))
        elif is_bare_topic(text):
            send(dispatcher, Reply("utter_what_happens", line))  # "pasientjournal"
        else:
            send(dispatcher, Reply("utter_fallback", line))
        return []


def _previous_turn(tracker: Tracker) -> list[dict[str, Any]]:
    """The events between the user's message before the latest one and the latest one."""
    users = [i for i, e in enumerate(tracker.events) if e.get("event") == "user"]
    return tracker.events[users[-2] + 1 : users[-1]] if len(users) >= 2 else []


def previous_turn_actions(tracker: Tracker) -> set[str]:
    """The actions the bot ran in answer to the user's message before the latest one."""
    return {str(e.get("name")) for e in _previous_turn(tracker) if e.get("event") == "action"}


def previous_turn_responses(tracker: Tracker) -> set[str]:
    """The responses the bot sent in answer to the user's message before the latest one."""
    return {
        str((e.get("metadata") or {}).get("utter_action"))
        for e in _previous_turn(tracker)
        if e.get("event") == "bot"
    }
