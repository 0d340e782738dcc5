"""Opening hours, contact details and the fallback: answers that depend on the clock."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import EventType
from rasa_sdk.executor import CollectingDispatcher

from actions.common import send, utc_now
from bot.replies import Reply, current_line, opening_hours_reply, severity_info_reply


class ActionOpeningHours(Action):
    def name(self) -> str:
        return "action_opening_hours"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked = tracker.latest_message.get("text") or ""
        send(dispatcher, opening_hours_reply(utc_now(), asked))
        return []


class ActionSeverityInfo(Action):
    def name(self) -> str:
        return "action_severity_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        asked = tracker.latest_message.get("text") or ""
        send(dispatcher, severity_info_reply(asked, utc_now()))
        return []


class ActionContactInfo(Action):
    def name(self) -> str:
        return "action_contact_info"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        # "Skal jeg ringe om en C-feil?" can read as a contact question: answer the class.
        asked = severity_info_reply(tracker.latest_message.get("text") or "", utc_now())
        if asked.response != "utter_severity_info":
            send(dispatcher, asked)
            return []
        send(dispatcher, Reply("utter_contact_info", current_line(utc_now())))
        return []


class ActionFallback(Action):
    """Not understood: never leave a possible A/B fault without the number to call."""

    def name(self) -> str:
        return "action_fallback"

    async def run(
        self, dispatcher: CollectingDispatcher, tracker: Tracker, domain: dict[str, Any]
    ) -> list[EventType]:
        send(dispatcher, Reply("utter_fallback", current_line(utc_now())))
        return []
